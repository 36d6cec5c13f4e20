import { sql } from "kysely";
import type { Db } from "../../../db/connection";
import { migrationStatus } from "../../../db/migrator";
import { findCampaign } from "../campaigns/campaigns.server";
import { loadFrameworkDefinition } from "../frameworks/frameworks.server";
import { campaignsWithSurveyData, recountResponseCells, responseTallyDifferences } from "../surveys/cell-recount.server";
import { countedValues, SCREENING_ID } from "../surveys/questions";
import { listCountCellsBySource } from "../surveys/response-counts.server";
import { closedVoteTallies } from "../workshops/vote-tallies.server";
import { type Cell, type CellDifference, diffCells } from "./cell-diff";

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

/** One campaign: stored cells against those recomputed from answers and closed workshop votes. */
async function verifyCampaignCells(db: Db, territoryId: string, campaignId: string) {
  const campaign = await findCampaign(db, territoryId, campaignId);
  const framework = await loadFrameworkDefinition(db, territoryId, campaign.frameworkVersionId);
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  const scaleOf = (indicatorId: string) => {
    const indicator = framework.indicators.find((i) => i.id === indicatorId);
    return indicator ? scales.get(indicator.scale) : undefined;
  };
  const fromAnswers = await recountResponseCells(db, territoryId, campaignId, scaleOf);
  const fromVotes: Cell[] = [];
  const unknown = new Set(fromAnswers.unknownIndicators);
  for (const tally of await closedVoteTallies(db, territoryId, campaignId)) {
    const scale = scaleOf(tally.indicatorId);
    if (!scale) unknown.add(tally.indicatorId);
    else for (const value of countedValues(scale, tally.value)) fromVotes.push({ ...tally, source: "workshop", value });
  }
  // « Ne connaît pas ce projet » is counted in a cell but leaves no answer row (nothing else is
  // kept of that person on that project), so it cannot be recomputed: left out of the comparison.
  const stored = (await listCountCellsBySource(db, territoryId, campaignId)).filter((c) => c.indicatorId !== SCREENING_ID);
  const recomputed = [...fromAnswers.cells, ...fromVotes].filter((c) => c.indicatorId !== SCREENING_ID);
  return { stored: stored.length, differences: diffCells(stored, recomputed), unknownIndicators: [...unknown].filter((id) => id !== SCREENING_ID) };
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
