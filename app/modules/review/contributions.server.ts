import type { Db, DbOrTrx } from "../../../db/connection";
import type { ReviewPosition } from "../../../db/schema";
import { newId } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { formFailure, type Result } from "../failure";
import { type Actor, evaluationIn } from "./evaluation.server";

/** The finding of the evaluation, or a 404 (another evaluation's or another territory's finding). */
export async function findFinding(db: DbOrTrx, territoryId: string, evaluationId: string, findingId: string) {
  const finding = await db.selectFrom("finding").select(["id", "project_id"]).where("id", "=", findingId).where("evaluation_id", "=", evaluationId).where("territory_id", "=", territoryId).executeTakeFirst();
  if (!finding) throw new Response("Not found", { status: 404 });
  return finding;
}

export type PositionInput = { findingId: string; position: ReviewPosition; reason: string; rewording?: string };

/** The stored columns of a position, a member's or an invited stakeholder's (an empty rewording is none). */
export function positionValues(input: PositionInput) {
  return { position: input.position, reason: input.reason, rewording: input.rewording?.trim() ? input.rewording : null, updated_at: nowIso() };
}

/**
 * A stakeholder marks a finding agree / nuance / disagree with a reason, and may propose a
 * rewording; marking it again replaces their previous position. Only while the review is open.
 */
export async function recordPosition(db: Db, reviewer: Actor & { associationId: string | null }, campaignId: string, input: PositionInput): Promise<Result> {
  const evaluation = await evaluationIn(db, reviewer.territoryId, campaignId, ["review"]);
  if (!evaluation.ok) return evaluation;
  const finding = await findFinding(db, reviewer.territoryId, evaluation.id, input.findingId);
  const values = { ...positionValues(input), association_id: reviewer.associationId };
  await db
    .insertInto("finding_review")
    .values({ id: newId(), territory_id: reviewer.territoryId, finding_id: finding.id, user_id: reviewer.userId, ...values })
    .onConflict((oc) => oc.columns(["finding_id", "user_id"]).doUpdateSet(values))
    .execute();
  return { ok: true };
}

/** A comment on a finding by anyone in the review, while it is open. */
export async function addComment(db: Db, author: Actor, campaignId: string, input: { findingId: string; body: string }): Promise<Result> {
  const evaluation = await evaluationIn(db, author.territoryId, campaignId, ["review"]);
  if (!evaluation.ok) return evaluation;
  const finding = await findFinding(db, author.territoryId, evaluation.id, input.findingId);
  await db.insertInto("review_comment").values({ id: newId(), territory_id: author.territoryId, finding_id: finding.id, user_id: author.userId, body: input.body, created_at: nowIso() }).execute();
  return { ok: true };
}

export type CommitmentInput = { what: string; who: string; dueOn?: string };
export type AnswerInput = { findingId: string; response: string; commitments: readonly CommitmentInput[] };

/**
 * The council's answer to a finding: its response and the commitments it takes (what, who,
 * by when), replaced as a whole when answered again. During the review or after it closed,
 * never once published.
 */
export async function answerFinding(db: Db, actor: Actor, campaignId: string, input: AnswerInput): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const evaluation = await evaluationIn(trx, actor.territoryId, campaignId, ["review", "review_closed"]);
    if (!evaluation.ok) return evaluation;
    const finding = await findFinding(trx, actor.territoryId, evaluation.id, input.findingId);
    const answer = { response: input.response, user_id: actor.userId, answered_at: nowIso() };
    await trx
      .insertInto("council_answer")
      .values({ finding_id: finding.id, territory_id: actor.territoryId, ...answer })
      .onConflict((oc) => oc.column("finding_id").doUpdateSet(answer))
      .execute();
    await trx.deleteFrom("commitment").where("finding_id", "=", finding.id).where("territory_id", "=", actor.territoryId).execute();
    for (const c of input.commitments) {
      await trx
        .insertInto("commitment")
        .values({ id: newId(), territory_id: actor.territoryId, finding_id: finding.id, project_id: finding.project_id, what: c.what, who: c.who, due_on: c.dueOn ?? null, outcome: null, created_at: nowIso() })
        .execute();
    }
    return { ok: true as const };
  });
}

/**
 * « Ce qui a été fait »: in the next campaign's review on the same project, the council says
 * what became of a commitment published before. Only commitments of the territory's other
 * published evaluations on this campaign's projects.
 */
export async function recordCommitmentOutcome(db: Db, actor: Actor, campaignId: string, input: { commitmentId: string; outcome: string }): Promise<Result> {
  const evaluation = await evaluationIn(db, actor.territoryId, campaignId, ["draft", "review", "review_closed"]);
  if (!evaluation.ok) return evaluation;
  const carried = await listCarriedCommitments(db, actor.territoryId, campaignId);
  if (!carried.some((c) => c.id === input.commitmentId)) return formFailure("review.errors.unknownCommitment");
  await db.updateTable("commitment").set({ outcome: input.outcome }).where("id", "=", input.commitmentId).where("territory_id", "=", actor.territoryId).execute();
  return { ok: true };
}

/** Commitments published by earlier evaluations on the projects this campaign evaluates. */
export async function listCarriedCommitments(db: DbOrTrx, territoryId: string, campaignId: string) {
  const current = await db.selectFrom("finding as f").innerJoin("evaluation as e", "e.id", "f.evaluation_id").select("f.project_id").distinct().where("e.campaign_id", "=", campaignId).where("e.territory_id", "=", territoryId).execute();
  const projectIds = current.map((r) => r.project_id);
  if (projectIds.length === 0) return [];
  const rows = await db
    .selectFrom("commitment as c")
    .innerJoin("finding as f", "f.id", "c.finding_id")
    .innerJoin("evaluation as e", "e.id", "f.evaluation_id")
    .select(["c.id", "c.project_id", "c.what", "c.who", "c.due_on", "c.outcome", "f.title", "e.published_at"])
    .where("c.territory_id", "=", territoryId)
    .where("e.territory_id", "=", territoryId)
    .where("e.state", "=", "published")
    .where("e.campaign_id", "!=", campaignId)
    .where("c.project_id", "in", projectIds)
    .orderBy("e.published_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, projectId: r.project_id, what: r.what, who: r.who, dueOn: r.due_on, outcome: r.outcome, findingTitle: r.title, publishedAt: r.published_at }));
}
