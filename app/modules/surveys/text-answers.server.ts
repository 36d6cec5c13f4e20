import type { DbOrTrx } from "../../../db/connection";
import { sha256 } from "../../lib/ids";
import { DONT_KNOW } from "./questions";

// Free-text answers, for the results area's moderation: each answer leaves this file with a key
// (a hash of response, project and indicator) instead of its response id, so whoever reads the
// texts cannot tie one person's several answers together. Nothing here checks the campaign's
// state or the group's size: results decides who may read what.

export type TextAnswer = { key: string; responseId: string; projectId: string; indicatorId: string; groupId: string; text: string };

const answerKey = (responseId: string, projectId: string, indicatorId: string) => sha256(`text-answer:${responseId}:${projectId}:${indicatorId}`);

/** A campaign's written answers to the given indicators (« je ne sais pas » left out), in no submission order. */
export async function listTextAnswers(db: DbOrTrx, territoryId: string, campaignId: string, indicatorIds: readonly string[]): Promise<TextAnswer[]> {
  if (indicatorIds.length === 0) return [];
  const rows = await db
    .selectFrom("answer as a")
    .innerJoin("response as r", "r.id", "a.response_id")
    .select(["a.response_id", "a.project_id", "a.indicator_id", "a.value", "r.group_id"])
    .where("r.campaign_id", "=", campaignId)
    .where("r.territory_id", "=", territoryId)
    .where("a.indicator_id", "in", indicatorIds)
    .where("a.value", "!=", DONT_KNOW)
    .execute();
  return rows
    .map((r) => ({ key: answerKey(r.response_id, r.project_id, r.indicator_id), responseId: r.response_id, projectId: r.project_id, indicatorId: r.indicator_id, groupId: r.group_id, text: r.value }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** Replaces one written answer by its moderated version (the original is not kept). */
export async function replaceTextAnswer(db: DbOrTrx, territoryId: string, answer: Pick<TextAnswer, "responseId" | "projectId" | "indicatorId">, text: string): Promise<void> {
  await db
    .updateTable("answer")
    .set({ value: text })
    .where("response_id", "=", answer.responseId)
    .where("project_id", "=", answer.projectId)
    .where("indicator_id", "=", answer.indicatorId)
    .where("response_id", "in", (eb) => eb.selectFrom("response").select("id").where("territory_id", "=", territoryId))
    .execute();
}
