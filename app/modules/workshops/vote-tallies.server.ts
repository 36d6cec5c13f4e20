import type { Db } from "../../../db/connection";

/**
 * The votes of a campaign's workshops whose vote is closed, counted per project, indicator,
 * group and value: what closing each vote added to the count cells (`npm run db:verify`
 * recomputes the workshop source from them). Open votes are not in the cells yet.
 */
export async function closedVoteTallies(db: Db, territoryId: string, campaignId: string) {
  const rows = await db
    .selectFrom("workshop_vote as v")
    .innerJoin("workshop as w", "w.id", "v.workshop_id")
    .innerJoin("workshop_indicator as wi", (join) => join.onRef("wi.workshop_id", "=", "v.workshop_id").onRef("wi.indicator_id", "=", "v.indicator_id"))
    .select(["w.project_id", "v.indicator_id", "v.group_id", "v.value", (eb) => eb.fn.countAll<number>().as("n")])
    .where("w.territory_id", "=", territoryId)
    .where("w.campaign_id", "=", campaignId)
    .where("wi.vote_state", "=", "closed")
    .groupBy(["w.project_id", "v.indicator_id", "v.group_id", "v.value"])
    .execute();
  return rows.map((r) => ({ projectId: r.project_id, indicatorId: r.indicator_id, groupId: r.group_id, value: r.value, count: Number(r.n) }));
}
