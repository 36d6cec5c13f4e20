import type { Db } from "../../../db/connection";
import type { ResponseSource } from "../../../db/schema";
import { countedValues, type Scale } from "./questions";

// For `npm run db:verify`: the count cells recomputed from the raw answers, by the same rule the
// submit uses (countedValues), to compare with the cells the submits added up.

export type CellKey = { projectId: string; indicatorId: string; groupId: string; source: ResponseSource; value: string };

/** Every campaign of the install that has responses or count cells (the verify tool spans territories). */
export async function campaignsWithSurveyData(db: Db): Promise<{ territoryId: string; campaignId: string }[]> {
  const rows = await db
    .selectFrom("response")
    .select(["territory_id", "campaign_id"])
    .union(db.selectFrom("count_cell").select(["territory_id", "campaign_id"]))
    .execute();
  return rows.map((r) => ({ territoryId: r.territory_id, campaignId: r.campaign_id }));
}

/**
 * A campaign's cells as its responses' answers give them (online and paper sources; workshop
 * votes are counted by the workshops area). `scaleOf` gives an indicator's scale; an answer to
 * an indicator without one is reported apart, since no rule can count it.
 */
export async function recountResponseCells(db: Db, territoryId: string, campaignId: string, scaleOf: (indicatorId: string) => Scale | undefined) {
  const answers = await db
    .selectFrom("answer as a")
    .innerJoin("response as r", "r.id", "a.response_id")
    .select(["a.project_id", "a.indicator_id", "a.value", "r.group_id", "r.source"])
    .where("r.territory_id", "=", territoryId)
    .where("r.campaign_id", "=", campaignId)
    .execute();
  const cells: (CellKey & { count: number })[] = [];
  const unknownIndicators = new Set<string>();
  for (const a of answers) {
    const scale = scaleOf(a.indicator_id);
    if (!scale) {
      unknownIndicators.add(a.indicator_id);
      continue;
    }
    for (const value of countedValues(scale, a.value)) cells.push({ projectId: a.project_id, indicatorId: a.indicator_id, groupId: a.group_id, source: a.source, value, count: 1 });
  }
  return { cells, unknownIndicators: [...unknownIndicators] };
}

/**
 * The participation counters (response_tally, kept by triggers) against a count of the
 * campaign's responses: each (group, source) whose two numbers differ.
 */
export async function responseTallyDifferences(db: Db, territoryId: string, campaignId: string) {
  const counted = await db
    .selectFrom("response")
    .select(["group_id", "source", (eb) => eb.fn.countAll<number>().as("n")])
    .where("territory_id", "=", territoryId)
    .where("campaign_id", "=", campaignId)
    .groupBy(["group_id", "source"])
    .execute();
  const stored = await db.selectFrom("response_tally").select(["group_id", "source", "responses"]).where("territory_id", "=", territoryId).where("campaign_id", "=", campaignId).execute();
  const keys = new Set([...counted, ...stored].map((r) => `${r.group_id}\u0000${r.source}`));
  return [...keys].flatMap((key) => {
    const [groupId = "", source = ""] = key.split("\u0000");
    const recomputed = Number(counted.find((r) => r.group_id === groupId && r.source === source)?.n ?? 0);
    const kept = stored.find((r) => r.group_id === groupId && r.source === source)?.responses ?? 0;
    return kept === recomputed ? [] : [{ groupId, source, stored: kept, recomputed }];
  });
}
