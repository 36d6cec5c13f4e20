import { type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countResponsesByCampaign, countResponsesByGroup, countResponsesByGroupAndSource } from "../../app/modules/surveys/response-counts.server";
import { migrateToLatest } from "../../db/migrator";
import * as responseTally from "../../migrations/0015-response-tally";
import { seedDemoTerritory } from "../../seed/seed";
import { createTestDb, type TestDb } from "../helpers/db";

// Participation is read from counters kept by triggers (migration 0015), not by counting
// `response` rows; these tests hold the counters to the rows they stand for. The demo's
// responses take a while to seed: one database for the file, the tests run in order.
let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
  await seedDemoTerritory(t.db, { withResponses: true });
});
afterAll(() => t.cleanup());

type Row = { campaign_id: string; territory_id: string; group_id: string; source: string; n: number };

/** The reference: a GROUP BY over the response rows themselves. */
async function countedRows(): Promise<Row[]> {
  const { rows } = await sql<Row>`select campaign_id, territory_id, group_id, source, count(*) as n from response group by 1, 2, 3, 4 order by 1, 3, 4`.execute(t.db);
  return rows;
}

async function expectCountersMatchRows() {
  const rows = await countedRows();
  expect(rows.length).toBeGreaterThan(0);
  for (const campaignId of new Set(rows.map((r) => r.campaign_id))) {
    const inCampaign = rows.filter((r) => r.campaign_id === campaignId);
    const territoryId = inCampaign[0]?.territory_id ?? "";
    const bySource = await countResponsesByGroupAndSource(t.db, territoryId, campaignId);
    expect(bySource.map((r) => [r.groupId, r.source, r.responses]).sort()).toEqual(inCampaign.map((r) => [r.group_id, r.source, r.n]).sort());
    const byGroup = await countResponsesByGroup(t.db, territoryId, campaignId);
    for (const [groupId, n] of byGroup) expect(n).toBe(inCampaign.filter((r) => r.group_id === groupId).reduce((s, r) => s + r.n, 0));
    expect((await countResponsesByCampaign(t.db, territoryId)).get(campaignId)).toBe(inCampaign.reduce((s, r) => s + r.n, 0));
  }
}

describe("participation counters", () => {
  it("count the demo's responses per campaign, group and source as the rows do", async () => {
    await expectCountersMatchRows();
  });

  it("follow responses deleted and moved, and another territory reads none of them", async () => {
    const [first] = await countedRows();
    if (!first) throw new Error("the demo has responses");
    await sql`delete from response where id in (select id from response where campaign_id = ${first.campaign_id} limit 3)`.execute(t.db);
    await sql`update response set source = 'paper' where id in (select id from response where campaign_id = ${first.campaign_id} and source <> 'paper' limit 2)`.execute(t.db);
    await expectCountersMatchRows();
    expect(await countResponsesByGroupAndSource(t.db, "another-territory", first.campaign_id)).toEqual([]);
  });

  it("are rebuilt from the existing responses when the migration runs on a filled database", async () => {
    const before = await countedRows();
    const untyped = t.db as unknown as Kysely<unknown>; // migrations speak of tables by name
    await responseTally.down(untyped);
    await responseTally.up(untyped);
    await expectCountersMatchRows();
    expect(await countedRows()).toEqual(before);
    await migrateToLatest(t.db);
  });
});
