import { sql } from "kysely";
import type { DbOrTrx } from "../../../db/connection";
import type { ResponseSource } from "../../../db/schema";
import { newId } from "../../lib/ids";
import { todayInFrance } from "../../lib/time";

// Writes for the other sources (workshop votes, paper sheets), called by their area inside its
// own transaction: this area alone writes responses, answers and count cells.

export type SourceCell = { projectId: string; indicatorId: string; groupId: string; value: string; count: number };

/** Adds counts to a campaign's cells of one source (a closed workshop vote's tally). */
export async function addSourceCountCells(trx: DbOrTrx, target: { territoryId: string; campaignId: string; source: ResponseSource }, cells: readonly SourceCell[]): Promise<void> {
  const rows = cells.filter((c) => c.count > 0);
  if (rows.length === 0) return;
  await trx
    .insertInto("count_cell")
    .values(
      rows.map((c) => ({
        campaign_id: target.campaignId,
        project_id: c.projectId,
        indicator_id: c.indicatorId,
        group_id: c.groupId,
        source: target.source,
        value: c.value,
        territory_id: target.territoryId,
        count: c.count,
      })),
    )
    .onConflict((oc) => oc.columns(["campaign_id", "project_id", "indicator_id", "group_id", "source", "value"]).doUpdateSet({ count: sql<number>`count_cell.count + excluded.count` }))
    .execute();
}

export type SheetAnswer = { projectId: string; indicatorId: string; value: string; counted: readonly string[] };
export type Sheet = { groupId: string; answers: readonly SheetAnswer[] };

/**
 * One response per sheet (random id, the day only, no invitation), its answers, and the count
 * cells of its source: the same rows an online submission writes.
 */
export async function recordSheetResponses(trx: DbOrTrx, target: { territoryId: string; campaignId: string; source: ResponseSource }, sheets: readonly Sheet[]): Promise<number> {
  const day = todayInFrance();
  const cells = new Map<string, SourceCell>();
  for (const sheet of sheets) {
    const responseId = newId();
    await trx
      .insertInto("response")
      .values({ id: responseId, territory_id: target.territoryId, campaign_id: target.campaignId, group_id: sheet.groupId, source: target.source, invitation_id: null, submitted_on: day })
      .execute();
    if (sheet.answers.length === 0) continue;
    await trx
      .insertInto("answer")
      .values(sheet.answers.map((a) => ({ response_id: responseId, project_id: a.projectId, indicator_id: a.indicatorId, value: a.value })))
      .execute();
    for (const a of sheet.answers) {
      for (const value of a.counted) {
        const key = JSON.stringify([a.projectId, a.indicatorId, sheet.groupId, value]);
        const cell = cells.get(key) ?? { projectId: a.projectId, indicatorId: a.indicatorId, groupId: sheet.groupId, value, count: 0 };
        cell.count++;
        cells.set(key, cell);
      }
    }
  }
  await addSourceCountCells(trx, target, [...cells.values()]);
  return sheets.length;
}

/** A campaign's count cells per source (results show sources apart; the review reads them). */
export function listCountCellsBySource(db: DbOrTrx, territoryId: string, campaignId: string) {
  return db
    .selectFrom("count_cell")
    .select(["project_id", "indicator_id", "group_id", "source", "value", "count"])
    .where("campaign_id", "=", campaignId)
    .where("territory_id", "=", territoryId)
    .execute()
    .then((rows) => rows.map((r) => ({ projectId: r.project_id, indicatorId: r.indicator_id, groupId: r.group_id, source: r.source, value: r.value, count: r.count })));
}
