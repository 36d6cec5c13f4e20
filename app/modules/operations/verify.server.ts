import { sql } from "kysely";
import type { Db } from "../../../db/connection";
import { migrationStatus } from "../../../db/migrator";
import { campaignsWithSurveyData, recountCountCells, responseTallyDifferences } from "../surveys/cell-recount.server";
import { closedVoteTallies } from "../workshops/vote-tallies.server";
import { type CellDifference, diffCells } from "./cell-diff";

export type VerifyReport = {
  integrity: string[];
  foreignKeys: { table: string; rowid: number | null; parent: string }[];
  pendingMigrations: string[];
  campaigns: number;
  cells: number;
  differences: (CellDifference & { campaignId: string })[];
  /** Participation counters (responses per group and source) that differ from the responses. */
  tallies: { campaignId: string; groupId: string; source: string; stored: number; recomputed: number }[];
  unknownIndicators: { campaignId: string; indicatorId: string }[];
};

export function isHealthy(report: VerifyReport): boolean {
  return report.integrity.length === 0 && report.foreignKeys.length === 0 && report.pendingMigrations.length === 0 && report.differences.length === 0 && report.tallies.length === 0 && report.unknownIndicators.length === 0;
}

/** One campaign: stored cells against those the surveys area recounts from answers and closed workshop votes. */
async function verifyCampaignCells(db: Db, territoryId: string, campaignId: string) {
  const votes = (await closedVoteTallies(db, territoryId, campaignId)).map((tally) => ({ ...tally, source: "workshop" as const }));
  const { stored, recomputed, unknownIndicators } = await recountCountCells(db, territoryId, campaignId, votes);
  return { stored: stored.length, differences: diffCells(stored, recomputed), unknownIndicators };
}

/**
 * `npm run db:verify`: SQLite's own integrity check, the foreign keys, the migrations, and every
 * count cell recomputed from the raw answers, every participation counter from the responses.
 * Read-only.
 */
export async function verifyDatabase(db: Db): Promise<VerifyReport> {
  // PRAGMAs have no builder form in Kysely.
  const integrity = (await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db)).rows.map((r) => r.integrity_check).filter((line) => line !== "ok");
  const foreignKeys = (await sql<{ table: string; rowid: number | null; parent: string }>`pragma foreign_key_check`.execute(db)).rows.map((r) => ({ table: r.table, rowid: r.rowid, parent: r.parent }));
  const { pending } = await migrationStatus(db);
  const report: VerifyReport = { integrity, foreignKeys, pendingMigrations: pending, campaigns: 0, cells: 0, differences: [], tallies: [], unknownIndicators: [] };
  for (const { territoryId, campaignId } of await campaignsWithSurveyData(db)) {
    const result = await verifyCampaignCells(db, territoryId, campaignId);
    report.campaigns++;
    report.cells += result.stored;
    report.differences.push(...result.differences.map((d) => ({ ...d, campaignId })));
    report.tallies.push(...(await responseTallyDifferences(db, territoryId, campaignId)).map((d) => ({ ...d, campaignId })));
    report.unknownIndicators.push(...result.unknownIndicators.map((indicatorId) => ({ campaignId, indicatorId })));
  }
  return report;
}
