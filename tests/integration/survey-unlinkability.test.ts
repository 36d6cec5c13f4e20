import { describe, expect, it } from "vitest";
import { sha256 } from "../../app/lib/ids";
import { submitSurvey } from "../../app/modules/surveys/submit.server";
import { subscribeToResults } from "../../app/modules/surveys/subscribers.server";
import { freshDbPerTest } from "../helpers/db";
import { addPersonalInvitation, fillDraft, openResidentsCampaign } from "./survey-fixtures";
import { nth } from "../helpers/present";

const t = freshDbPerTest();

/** Every table and column of the database, read from the schema itself (new tables included). */
function allColumns() {
  const tables = t.sqlite.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'").all() as { name: string }[];
  return tables.flatMap(({ name }) => (t.sqlite.pragma(`table_info("${name}")`) as { name: string }[]).map((c) => ({ table: name, column: c.name })));
}

/** Tables and columns where any of `needles` appears (as text, anywhere in the value). */
function whereFound(needles: string[], skipTables: string[] = []) {
  const found: string[] = [];
  for (const { table, column } of allColumns()) {
    if (skipTables.includes(table)) continue;
    for (const needle of needles) {
      const hit = t.sqlite.prepare(`select count(*) as n from "${table}" where instr(cast("${column}" as text), ?) > 0`).get(needle) as { n: number };
      if (hit.n > 0) found.push(`${table}.${column} ∋ ${needle}`);
    }
  }
  return found;
}

describe("anonymous campaigns are unlinkable", () => {
  it("after two invitations answer in a known order, nothing in the database says which response is whose", async () => {
    const { campaignId } = await openResidentsCampaign(t.db);
    const first = await addPersonalInvitation(t.db, campaignId, { email: "alice@exemple.fr", neighbourhood: "Quartier Nord" });
    const second = await addPersonalInvitation(t.db, campaignId, { email: "bruno@exemple.fr", neighbourhood: "Quartier Nord" });
    const before = await t.db.selectFrom("invitation").selectAll().where("id", "in", [first.id, second.id]).orderBy("code").execute();

    // Alice answers « yes » to every yes/no question, Bruno « no »: the answers tell them apart.
    const answerAs = (yesNo: string) => (step: { scale: { type: string } }) => (step.scale.type === "yes_no" ? { value: yesNo } : { dontKnow: true });
    const alice = await fillDraft(t.db, first.code, answerAs("yes"));
    expect((await submitSurvey(t.db, alice.resumeCode)).status).toBe("submitted");
    const bruno = await fillDraft(t.db, second.code, answerAs("no"));
    expect((await submitSurvey(t.db, bruno.resumeCode)).status).toBe("submitted");
    await subscribeToResults(t.db, alice.resumeCode, "alice@exemple.fr");
    await subscribeToResults(t.db, bruno.resumeCode, "bruno@exemple.fr");

    // 1. Outside the invitation table itself, no column holds either invitation's id or code,
    //    nor the drafts' resume codes, nor a hash of any of them but the receipt keys.
    const secrets = [first.id, second.id, first.code, second.code, alice.resumeCode, bruno.resumeCode];
    expect(whereFound(secrets, ["invitation"])).toEqual([]);
    expect(whereFound(secrets.map((s) => sha256(s)))).toEqual([]);
    expect(await t.db.selectFrom("survey_draft").selectAll().execute()).toEqual([]);

    // 2. The invitation only learns "used": response_count went 0 → 1, nothing else changed.
    const after = await t.db.selectFrom("invitation").selectAll().where("id", "in", [first.id, second.id]).orderBy("code").execute();
    expect(after).toEqual(before.map((row) => ({ ...row, response_count: 1 })));
    // …and no response points at any invitation; no other table has a column that could.
    const responses = await t.db.selectFrom("response").selectAll().where("campaign_id", "=", campaignId).execute();
    expect(responses).toHaveLength(2);
    expect(responses.every((r) => r.invitation_id === null)).toBe(true);
    const linkingColumns = allColumns().filter((c) => /invitation|user|account|ip|email|_at$/.test(c.column) && ["response", "answer", "count_cell", "submission_receipt", "results_subscriber"].includes(c.table));
    expect(linkingColumns.map((c) => `${c.table}.${c.column}`)).toEqual(["response.invitation_id", "results_subscriber.email"]);

    // 3. Responses carry a day, never a time, and no row order: the tables have no rowid.
    expect(responses.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.submitted_on))).toBe(true);
    expect(new Set(responses.map((r) => r.submitted_on)).size).toBe(1);
    for (const table of ["response", "answer", "submission_receipt", "results_subscriber", "count_cell"]) {
      expect(() => t.sqlite.prepare(`select rowid from "${table}"`).all(), table).toThrow(/no such column: rowid/);
    }

    // 4. The e-mail addresses left on the thank-you page sit in a table with nothing else.
    const subscribers = await t.db.selectFrom("results_subscriber").selectAll().execute();
    expect(Object.keys(nth(subscribers, 0)).sort()).toEqual(["campaign_id", "email", "id", "territory_id"]);
  });

  it("the stored order of many responses does not follow the order they were sent in", async () => {
    const { campaignId, openLinkCode } = await openResidentsCampaign(t.db);
    const sent: string[] = [];
    for (let i = 0; i < 25; i++) {
      const marker = `réponse numéro ${String(i).padStart(2, "0")}`;
      // The free-text question carries a marker that tells each submission apart in this test.
      const draft = await fillDraft(t.db, openLinkCode, (step) => (step.scale.type === "text" ? { value: marker } : { dontKnow: true }));
      expect((await submitSurvey(t.db, draft.resumeCode)).status).toBe("submitted");
      sent.push(marker);
    }
    const textIndicator = "pa_recit";
    const orderBy = (sqlText: string) => (t.sqlite.prepare(sqlText).all(campaignId, textIndicator) as { value: string }[]).map((r) => r.value);
    const orders = {
      storage: orderBy("select a.value from response r join answer a on a.response_id = r.id where r.campaign_id = ? and a.indicator_id = ?"),
      byId: orderBy("select a.value from response r join answer a on a.response_id = r.id where r.campaign_id = ? and a.indicator_id = ? order by r.id"),
      byDay: orderBy("select a.value from response r join answer a on a.response_id = r.id where r.campaign_id = ? and a.indicator_id = ? order by r.submitted_on, r.group_id, r.source"),
      answerStorage: orderBy("select a.value from answer a join response r on a.response_id = r.id where r.campaign_id = ? and a.indicator_id = ?"),
    };
    for (const [name, order] of Object.entries(orders)) {
      expect(order.slice().sort(), name).toEqual(sent);
      // 25 random ids fall in submission order (or its reverse) with probability 2 / 25! ≈ 1e-25.
      expect(order, name).not.toEqual(sent);
      expect(order, name).not.toEqual(sent.slice().reverse());
    }
  });

  it("a named campaign keeps which invitation answered, an open link never", async () => {
    const { campaignId, openLinkCode } = await openResidentsCampaign(t.db, { isAnonymous: false });
    const invitation = await addPersonalInvitation(t.db, campaignId);
    await submitSurvey(t.db, (await fillDraft(t.db, invitation.code)).resumeCode);
    await submitSurvey(t.db, (await fillDraft(t.db, openLinkCode)).resumeCode);
    const links = (await t.db.selectFrom("response").select("invitation_id").where("campaign_id", "=", campaignId).execute()).map((r) => r.invitation_id).sort();
    expect(links).toEqual([invitation.id, null].sort());
  });

  it("the database refuses an invitation id on an anonymous response", async () => {
    const { campaignId } = await openResidentsCampaign(t.db);
    const invitation = await addPersonalInvitation(t.db, campaignId);
    const row = { id: "x", territory_id: invitation.territory_id, campaign_id: campaignId, group_id: "residents", source: "online" as const, invitation_id: invitation.id, submitted_on: "2026-01-01" };
    await expect(t.db.insertInto("response").values(row).execute()).rejects.toThrow(/anonymous response cannot reference an invitation/);
  });
});
