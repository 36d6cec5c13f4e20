import type { Db, DbOrTrx } from "../../../db/connection";
import type { EvaluationState } from "../../../db/schema";
import { newId } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { logAudit } from "../audit/audit.server";
import { getCampaignScope, transitionCampaign } from "../campaigns/campaigns.server";
import type { CampaignInvitations } from "../campaigns/invitations-port";
import { formFailure, type Result } from "../failure";
import { getCampaignResults } from "../results/results.server";
import { buildDraftFindings } from "./draft";
import { listWorkshopFindings } from "../workshops/findings.server";
import { questionResultsFrom, reportedFrom } from "./from-results";

export type Actor = { territoryId: string; userId: string };

/** The campaign's evaluation row if it exists (territory-scoped), else null. */
export async function findEvaluation(db: DbOrTrx, territoryId: string, campaignId: string) {
  const row = await db.selectFrom("evaluation").selectAll().where("territory_id", "=", territoryId).where("campaign_id", "=", campaignId).executeTakeFirst();
  return row ?? null;
}

/** The evaluation in one of `states`, or the failure that says what to do first. */
export async function evaluationIn(db: DbOrTrx, territoryId: string, campaignId: string, states: readonly EvaluationState[]): Promise<Result<{ id: string; state: EvaluationState }>> {
  const evaluation = await findEvaluation(db, territoryId, campaignId);
  if (!evaluation) throw new Response("Not found", { status: 404 });
  return inState(evaluation, states);
}

/** An evaluation already read, refused unless it is in one of `states`. */
export function inState(evaluation: { id: string; state: EvaluationState }, states: readonly EvaluationState[]): Result<{ id: string; state: EvaluationState }> {
  if (!states.includes(evaluation.state)) return formFailure("review.errors.wrongState", { state: `review.states.${evaluation.state}` });
  return { ok: true, id: evaluation.id, state: evaluation.state };
}

/**
 * The draft evaluation of a campaign in review: one finding per project and dimension, built
 * from the masked results, the reported figures and the workshops. Its text is not stored but
 * written in the reader's language at render (finding-text.ts). Generated once; a second call
 * (a reload, a retry) keeps the first.
 */
export async function ensureDraftEvaluation(db: Db, territoryId: string, campaignId: string): Promise<string> {
  const existing = await findEvaluation(db, territoryId, campaignId);
  if (existing) return existing.id;
  const results = await getCampaignResults(db, territoryId, campaignId);
  if (!results.available || results.campaign.state !== "in_review") throw new Response("Not found", { status: 404 });
  const { projects, groupIds, framework: version } = await getCampaignScope(db, territoryId, campaignId);
  const framework = version.definition;
  const workshop = await listWorkshopFindings(db, territoryId, campaignId);
  const findings = buildDraftFindings(framework, projects.map((p) => p.id), groupIds, questionResultsFrom(results, framework), { reported: reportedFrom(results), workshop, scores: results.scores });
  const id = newId();
  await db.transaction().execute(async (trx) => {
    const inserted = await trx.insertInto("evaluation").values({ id, territory_id: territoryId, campaign_id: campaignId, state: "draft", summary: "", created_at: nowIso() }).onConflict((oc) => oc.column("campaign_id").doNothing()).executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return;
    let position = 0;
    for (const finding of findings) {
      await trx
        .insertInto("finding")
        .values({ id: newId(), territory_id: territoryId, evaluation_id: id, project_id: finding.projectId, dimension_id: finding.dimensionId, position: position++, title: "", body: "", figures: JSON.stringify(finding.figures) })
        .execute();
    }
  });
  return (await findEvaluation(db, territoryId, campaignId))?.id ?? id;
}

/** Closed → in review, then the draft evaluation the council edits before opening the review. */
export async function startReview(db: Db, actor: Actor, campaignId: string, invitations: CampaignInvitations): Promise<Result<{ state: "in_review" }>> {
  const moved = await transitionCampaign(db, actor, campaignId, "in_review", invitations);
  if (!moved.ok) return moved;
  await ensureDraftEvaluation(db, actor.territoryId, campaignId);
  return { ok: true, state: "in_review" };
}

/** The council corrects a finding's wording while the evaluation is still a draft. */
export async function editFinding(db: Db, actor: Actor, campaignId: string, input: { findingId: string; title: string; body: string }): Promise<Result> {
  const evaluation = await evaluationIn(db, actor.territoryId, campaignId, ["draft"]);
  if (!evaluation.ok) return evaluation;
  const updated = await db
    .updateTable("finding")
    .set({ title: input.title, body: input.body })
    .where("id", "=", input.findingId)
    .where("evaluation_id", "=", evaluation.id)
    .where("territory_id", "=", actor.territoryId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new Response("Not found", { status: 404 });
  return { ok: true };
}

/** The council's summary of the evaluation, editable until publication. */
export async function editSummary(db: Db, actor: Actor, campaignId: string, summary: string): Promise<Result> {
  const evaluation = await evaluationIn(db, actor.territoryId, campaignId, ["draft", "review", "review_closed"]);
  if (!evaluation.ok) return evaluation;
  await db.updateTable("evaluation").set({ summary }).where("id", "=", evaluation.id).where("territory_id", "=", actor.territoryId).execute();
  return { ok: true };
}

const STEPS = {
  open: { from: "draft", to: "review", column: "review_opened_at", action: "review_opened" },
  close: { from: "review", to: "review_closed", column: "review_closed_at", action: "review_closed" },
} as const;

/** Opens the review to the associations, or closes it; each step is explicit and logged. */
export async function stepReview(db: Db, actor: Actor, campaignId: string, step: keyof typeof STEPS): Promise<Result> {
  const { from, to, column, action } = STEPS[step];
  return db.transaction().execute(async (trx) => {
    const evaluation = await evaluationIn(trx, actor.territoryId, campaignId, [from]);
    if (!evaluation.ok) return evaluation;
    await trx.updateTable("evaluation").set({ state: to, [column]: nowIso() }).where("id", "=", evaluation.id).where("territory_id", "=", actor.territoryId).where("state", "=", from).execute();
    await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "evaluation", entityId: evaluation.id, action, fromState: from, toState: to });
    return { ok: true as const };
  });
}
