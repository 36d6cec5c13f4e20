/**
 * Free-text answers in results (DESIGN.md §6: « shown only after moderation »). Nobody reads a
 * written answer before the campaign is closed (no live results), nor one from a group (project
 * × question × stakeholder group) with fewer writers than the free-text threshold — not even
 * the moderator: such texts are neither offered for moderation nor shown. A council editor
 * approves, rejects or anonymises each readable text (text-moderation.ts, the rule workshop
 * stories follow too); only approved texts reach the indicator's results page, in no
 * submission order, with the project and the stakeholder group and nothing else.
 */
import type { Db } from "../../../db/connection";
import { getCampaignScope } from "../campaigns/campaigns.server";
import { fieldFailure, type Result } from "../failure";
import { questionIndicators } from "../frameworks/indicators";
import { listTextAnswers, replaceTextAnswer, type TextAnswer } from "../surveys/text-answers.server";
import { hasStableResults } from "./availability";
import { freeTextThreshold } from "./masking";
import { isTextPublishable, moderateText, type TextModerationInput } from "./text-moderation";

type TextStatus = "pending" | "approved" | "rejected";
type Scope = Awaited<ReturnType<typeof getCampaignScope>>;

/** The campaign's free-text questions (read from the framework only: no answer is read). */
function textIndicatorsOf(scope: Scope) {
  const definition = scope.framework.definition;
  return questionIndicators(definition, scope.groupIds).filter((i) => definition.scales.find((s) => s.id === i.scale)?.type === "text");
}

/** The free-text questions of a campaign of the territory, for the results' table of contents. */
export async function listTextIndicators(db: Db, territoryId: string, campaignId: string) {
  return textIndicatorsOf(await getCampaignScope(db, territoryId, campaignId)).map((i) => ({ indicatorId: i.id, dimensionId: i.dimension, label: i.label, question: i.question }));
}

/** The campaign's written answers a moderator may read (groups at the threshold), each with its decision. */
async function readableTexts(db: Db, territoryId: string, campaignId: string, onlyIndicatorId?: string) {
  const scope = await getCampaignScope(db, territoryId, campaignId);
  const { campaign, framework } = scope;
  const definition = framework.definition;
  const textIndicators = textIndicatorsOf(scope).filter((i) => !onlyIndicatorId || i.id === onlyIndicatorId);
  const threshold = freeTextThreshold({ k: campaign.k, kFreeText: definition.privacy.kFreeText });
  if (!hasStableResults(campaign.state)) return { scope, textIndicators, threshold, texts: [], withheld: false };
  const answers = await listTextAnswers(db, territoryId, campaign.id, textIndicators.map((i) => i.id));
  const decisions = await db.selectFrom("text_moderation").select(["answer_key", "status"]).where("campaign_id", "=", campaign.id).where("territory_id", "=", territoryId).execute();
  const statusOf = new Map(decisions.map((d) => [d.answer_key, d.status]));
  const cell = (a: TextAnswer) => `${a.projectId}|${a.indicatorId}|${a.groupId}`;
  const writers = new Map<string, number>();
  for (const a of answers) writers.set(cell(a), (writers.get(cell(a)) ?? 0) + 1);
  const texts = answers
    .filter((a) => (writers.get(cell(a)) ?? 0) >= threshold)
    .map((a) => ({ answer: a, status: (statusOf.get(a.key) ?? "pending") as TextStatus, writers: writers.get(cell(a)) ?? 0 }));
  return { scope, textIndicators, threshold, texts, withheld: texts.length < answers.length };
}

/** The moderation page: readable texts with their decision, keyed by a hash (never a response id). */
export async function getTextModerationPage(db: Db, territoryId: string, campaignId: string) {
  const { scope, textIndicators, texts, withheld, threshold } = await readableTexts(db, territoryId, campaignId);
  const { campaign, framework, projects, groupIds } = scope;
  const summary = { id: campaign.id, title: campaign.title, state: campaign.state };
  if (!hasStableResults(campaign.state)) return { available: false as const, campaign: summary };
  return {
    available: true as const,
    campaign: summary,
    projects: projects.map((p) => ({ id: p.id, name: p.name })),
    groups: framework.definition.stakeholderGroups.filter((g) => groupIds.includes(g.id)).map((g) => ({ id: g.id, label: g.label })),
    indicators: textIndicators.map((i) => ({ id: i.id, label: i.label, question: i.question })),
    texts: texts.map(({ answer, status }) => ({ answerKey: answer.key, projectId: answer.projectId, indicatorId: answer.indicatorId, groupId: answer.groupId, text: answer.text, status })),
    withheld,
    threshold,
  };
}

/** Approve, reject or anonymise one readable text of a closed campaign (404 for any other key). */
export async function moderateTextAnswer(db: Db, territoryId: string, campaignId: string, input: TextModerationInput): Promise<Result> {
  const { scope, texts } = await readableTexts(db, territoryId, campaignId);
  const found = texts.find((t) => t.answer.key === input.answerKey);
  if (!found) throw new Response("Not found", { status: 404 });
  const outcome = moderateText(found.answer.text, input);
  if (!outcome.ok) return fieldFailure("text", "texts.errors.anonymiseText");
  const { answer } = found;
  await db.transaction().execute(async (trx) => {
    if (outcome.text !== answer.text) await replaceTextAnswer(trx, territoryId, answer, outcome.text);
    await trx
      .insertInto("text_moderation")
      .values({ answer_key: answer.key, response_id: answer.responseId, territory_id: territoryId, campaign_id: scope.campaign.id, status: outcome.status })
      .onConflict((oc) => oc.column("answer_key").doUpdateSet({ status: outcome.status }))
      .execute();
  });
  return { ok: true };
}

/** What an indicator's results page shows of its written answers: approved texts of groups at the threshold. */
export async function listPublishedTexts(db: Db, territoryId: string, campaignId: string, indicatorId: string) {
  const { texts, threshold, textIndicators } = await readableTexts(db, territoryId, campaignId, indicatorId);
  const indicator = textIndicators[0];
  if (!indicator) return null;
  return {
    indicator: { indicatorId: indicator.id, label: indicator.label, question: indicator.question },
    threshold,
    texts: texts.filter((t) => isTextPublishable(t.status, t.writers, threshold)).map(({ answer }) => ({ projectId: answer.projectId, groupId: answer.groupId, text: answer.text })),
  };
}
