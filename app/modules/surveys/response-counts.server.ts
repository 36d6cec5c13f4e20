import type { DbOrTrx } from "../../../db/connection";

// Counts of submitted responses, for the council's pages. Only aggregates leave this file.

/** Responses per stakeholder group of a campaign of the territory. */
export async function countResponsesByGroup(db: DbOrTrx, territoryId: string, campaignId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("response")
    .select(["group_id", (eb) => eb.fn.countAll<number>().as("n")])
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
