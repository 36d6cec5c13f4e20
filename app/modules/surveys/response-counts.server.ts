import type { DbOrTrx } from "../../../db/connection";
import { SCREENING_ID } from "./questions";

// Counts of submitted responses, for the council's pages. Only aggregates leave this file.

/** Responses per stakeholder group of a campaign of the territory (from the counters, migration 0015). */
export async function countResponsesByGroup(db: DbOrTrx, territoryId: string, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("response_tally")
    .select(["group_id", (eb) => eb.fn.sum<number>("responses").as("n")])
    .where("campaign_id", "=", campaignId)
    .where("territory_id", "=", territoryId)
    .groupBy("group_id")
    .execute();
  return new Map(rows.map((r) => [r.group_id, Number(r.n)]));
}

/**
 * Responses per day, all groups together: a group × day cell of 1 or 2 could single a person
 * out (the day someone says they answered), so no page gets that split.
 */
export async function countResponsesByDay(db: DbOrTrx, territoryId: string, campaignId: string): Promise<{ day: string; responses: number }[]> {
  const rows = await db
    .selectFrom("response")
    .select(["submitted_on", (eb) => eb.fn.countAll<number>().as("n")])
    .where("campaign_id", "=", campaignId)
    .where("territory_id", "=", territoryId)
    .groupBy("submitted_on")
    .orderBy("submitted_on")
    .execute();
  return rows.map((r) => ({ day: r.submitted_on, responses: Number(r.n) }));
}

/**
 * Online responses per project that said « Non, je ne connais pas ce projet » at the screening
 * question (DESIGN §6: counted in participation, never as an answer), all groups together.
 */
export async function countProjectsNotKnown(db: DbOrTrx, territoryId: string, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("count_cell")
    .select(["project_id", (eb) => eb.fn.sum<number>("count").as("n")])
    .where("campaign_id", "=", campaignId)
    .where("territory_id", "=", territoryId)
    .where("indicator_id", "=", SCREENING_ID)
    .where("value", "=", "no")
    .groupBy("project_id")
    .execute();
  return new Map(rows.map((r) => [r.project_id, Number(r.n)]));
}

/** Responses per campaign of the territory (the campaign lists). */
export async function countResponsesByCampaign(db: DbOrTrx, territoryId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("response_tally")
    .select(["campaign_id", (eb) => eb.fn.sum<number>("responses").as("n")])
    .where("territory_id", "=", territoryId)
    .groupBy("campaign_id")
    .execute();
  return new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
}

/** A campaign's count cells summed over sources: what results are computed from (then masked there). */
export function listCountCells(db: DbOrTrx, territoryId: string, campaignId: string) {
  return db
    .selectFrom("count_cell")
    .select(["project_id", "indicator_id", "group_id", "value", (eb) => eb.fn.sum<number>("count").as("count")])
    .where("campaign_id", "=", campaignId)
    .where("territory_id", "=", territoryId)
    .groupBy(["project_id", "indicator_id", "group_id", "value"])
    .execute();
}

/** A campaign's count cells kept per source (online, workshop, paper): the finest table results masks. */
export async function listCountCellsBySource(db: DbOrTrx, territoryId: string, campaignId: string) {
  const rows = await db
    .selectFrom("count_cell")
    .select(["project_id", "indicator_id", "group_id", "source", "value", "count"])
    .where("campaign_id", "=", campaignId)
    .where("territory_id", "=", territoryId)
    .execute();
  return rows.map((r) => ({ projectId: r.project_id, indicatorId: r.indicator_id, groupId: r.group_id, source: r.source, value: r.value, count: Number(r.count) }));
}

/**
 * Responses per stakeholder group and per source (two margins, never crossed), for
 * participation and results: read from the counters kept by triggers on `response`
 * (migration 0015), so the time does not grow with the number of responses.
 */
export async function countResponsesByGroupAndSource(db: DbOrTrx, territoryId: string, campaignId: string) {
  const rows = await db
    .selectFrom("response_tally")
    .select(["group_id", "source", "responses"])
    .where("campaign_id", "=", campaignId)
    .where("territory_id", "=", territoryId)
    .where("responses", ">", 0)
    .execute();
  return rows.map((r) => ({ groupId: r.group_id, source: r.source, responses: Number(r.responses) }));
}
