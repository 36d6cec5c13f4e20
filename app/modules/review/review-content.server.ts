import type { DbOrTrx } from "../../../db/connection";
import { userDisplayNames } from "../accounts/territories.server";
import { associationNames } from "../projects/projects.server";
import { listCarriedCommitments } from "./contributions.server";
import { findEvaluation } from "./evaluation.server";
import { parseFindingFigures } from "./figures";

/**
 * Everything in a campaign's evaluation as the people of the review see it: findings with
 * their masked figures, each stakeholder's position named by association (or, for an invited
 * stakeholder, by the label the council gave them), comments (named the same way), the
 * council's answer and commitments, and the earlier commitments carried over. Null before
 * the campaign went to review.
 */
export async function loadReview(db: DbOrTrx, territoryId: string, campaignId: string) {
  const evaluation = await findEvaluation(db, territoryId, campaignId);
  if (!evaluation) return null;
  const findingRows = await db.selectFrom("finding").selectAll().where("evaluation_id", "=", evaluation.id).where("territory_id", "=", territoryId).orderBy("position").execute();
  const ids = findingRows.map((f) => f.id);
  const none = ids.length === 0;
  const [positions, guestPositions, comments, guestComments, answers, commitments, carried] = await Promise.all([
    none ? [] : db.selectFrom("finding_review").selectAll().where("territory_id", "=", territoryId).where("finding_id", "in", ids).orderBy("updated_at").execute(),
    none
      ? []
      : db
          .selectFrom("guest_finding_review as r")
          .innerJoin("review_guest as g", "g.id", "r.guest_id")
          .select(["r.finding_id", "r.guest_id", "g.label", "r.position", "r.reason", "r.rewording", "r.updated_at"])
          .where("r.territory_id", "=", territoryId)
          .where("g.territory_id", "=", territoryId)
          .where("r.finding_id", "in", ids)
          .orderBy("r.updated_at")
          .execute(),
    none ? [] : db.selectFrom("review_comment").selectAll().where("territory_id", "=", territoryId).where("finding_id", "in", ids).orderBy("created_at").execute(),
    none
      ? []
      : db
          .selectFrom("guest_review_comment as c")
          .innerJoin("review_guest as g", "g.id", "c.guest_id")
          .select(["c.id", "c.finding_id", "g.label", "c.body", "c.created_at"])
          .where("c.territory_id", "=", territoryId)
          .where("g.territory_id", "=", territoryId)
          .where("c.finding_id", "in", ids)
          .execute(),
    none ? [] : db.selectFrom("council_answer").selectAll().where("territory_id", "=", territoryId).where("finding_id", "in", ids).execute(),
    none ? [] : db.selectFrom("commitment").selectAll().where("territory_id", "=", territoryId).where("finding_id", "in", ids).orderBy("created_at").execute(),
    listCarriedCommitments(db, territoryId, campaignId),
  ]);
  const [associations, people] = await Promise.all([
    associationNames(db, territoryId, positions.map((p) => p.association_id)),
    userDisplayNames(db, [...positions.map((p) => p.user_id), ...comments.map((c) => c.user_id)]),
  ]);
  const answerOf = new Map(answers.map((a) => [a.finding_id, a]));
  return {
    evaluation: {
      id: evaluation.id,
      state: evaluation.state,
      summary: evaluation.summary,
      createdAt: evaluation.created_at,
      reviewOpenedAt: evaluation.review_opened_at,
      reviewClosedAt: evaluation.review_closed_at,
      publishedAt: evaluation.published_at,
    },
    findings: findingRows.map((f) => {
      const answer = answerOf.get(f.id);
      return {
        id: f.id,
        projectId: f.project_id,
        dimensionId: f.dimension_id,
        title: f.title,
        body: f.body,
        figures: parseFindingFigures(f.figures),
        // Members named by their association, invited stakeholders by the council's label for them.
        positions: [
          ...positions
            .filter((p) => p.finding_id === f.id)
            .map((p) => ({ userId: p.user_id as string | null, guestId: null as string | null, person: people.get(p.user_id) ?? null, association: (p.association_id && associations.get(p.association_id)) ?? null, position: p.position, reason: p.reason, rewording: p.rewording })),
          ...guestPositions.filter((p) => p.finding_id === f.id).map((p) => ({ userId: null, guestId: p.guest_id, person: null, association: p.label, position: p.position, reason: p.reason, rewording: p.rewording })),
        ],
        // Members' comments name the person, invited stakeholders' the council's label (`guest`).
        comments: [
          ...comments.filter((c) => c.finding_id === f.id).map((c) => ({ id: c.id, person: people.get(c.user_id) ?? null, guest: null as string | null, body: c.body, createdAt: c.created_at })),
          ...guestComments.filter((c) => c.finding_id === f.id).map((c) => ({ id: c.id, person: null, guest: c.label, body: c.body, createdAt: c.created_at })),
        ].sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
        answer: answer ? { response: answer.response, answeredAt: answer.answered_at } : null,
        commitments: commitments.filter((c) => c.finding_id === f.id).map((c) => ({ what: c.what, who: c.who, dueOn: c.due_on })),
      };
    }),
    carriedCommitments: carried,
  };
}

export type ReviewContent = NonNullable<Awaited<ReturnType<typeof loadReview>>>;
