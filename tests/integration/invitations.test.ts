import { fieldFailure, formFailure } from "../../app/modules/failure";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { createTerritoryWithAdmin } from "../../app/modules/accounts/territories.server";
import { transitionCampaign } from "../../app/modules/campaigns/campaigns.server";
import { campaignInvitations } from "../../app/modules/invitations/campaign-invitations.server";
import { DEFAULT_POLICY } from "../../app/modules/outbox/retry-policy";
import { deliverDueMessages } from "../../app/modules/outbox/worker.server";
import { sendInvitationEmails, sendReminderEmails } from "../../app/modules/invitations/emails.server";
import { exportInvitationsCsv, importInvitations, previewInvitationImport } from "../../app/modules/invitations/import.server";
import { addPersonalInvitation, changeOpenLinkCap, createPaperInvitations, getInvitationsOverview } from "../../app/modules/invitations/invitations.server";
import { deletePersonalData } from "../../app/modules/invitations/personal-data.server";
import { getPrintSheets } from "../../app/modules/invitations/print.server";
import { describeUnsubscribe, recordUnsubscribe } from "../../app/modules/invitations/unsubscribe.server";
import { createTestDb, demoFacts } from "../helpers/db";
import { nth } from "../helpers/present";

const BASE = "https://eval.exemple.fr";

let testDb: Awaited<ReturnType<typeof createTestDb>>;
let db: Db;
let actor: { territoryId: string; userId: string };
let campaignId: string;

beforeEach(async () => {
  testDb = await createTestDb({ seed: true });
  db = testDb.db;
  const { admin } = await demoFacts(db);
  actor = admin;
  // The seed's demo campaign is open, with groups residents/beneficiaries/… and three neighbourhoods.
  campaignId = (await db.selectFrom("campaign").select("id").where("territory_id", "=", admin.territoryId).executeTakeFirstOrThrow()).id;
});
afterEach(() => testDb.cleanup());

const GOOD = "Nom;Courriel;Groupe;Quartier\r\nHélène Dupré;helene@exemple.fr;Habitant·es;Quartier Nord\r\nKarim;karim@exemple.fr;beneficiaries;\r\n";
const BAD = `${GOOD}Sans adresse;pas-une-adresse;residents;\r\n`;

function personal() {
  return db.selectFrom("invitation").select(["id", "email", "display_name", "group_id", "neighbourhood", "code"]).where("campaign_id", "=", campaignId).where("kind", "=", "personal").orderBy("email").execute();
}
function outbox() {
  return db.selectFrom("outbox_message").selectAll().where("territory_id", "=", actor.territoryId).orderBy("to_address").execute();
}

describe("importing a list of people", () => {
  it("a good file imports everyone, with group and neighbourhood", async () => {
    expect(await importInvitations(db, actor, campaignId, GOOD, false)).toEqual({ ok: true, imported: 2 });
    expect(await personal()).toMatchObject([
      { email: "helene@exemple.fr", display_name: "Hélène Dupré", group_id: "residents", neighbourhood: "Quartier Nord" },
      { email: "karim@exemple.fr", display_name: "Karim", group_id: "beneficiaries", neighbourhood: null },
    ]);
  });

  it("a file with a bad line imports nothing", async () => {
    const preview = await previewInvitationImport(db, actor.territoryId, campaignId, BAD);
    expect(preview.ok && preview.errors).toEqual([{ line: 4, key: "invitations.csv.errors.emailInvalid", params: { value: "pas-une-adresse" } }]);
    expect(await importInvitations(db, actor, campaignId, BAD, false)).toMatchObject({ ok: false, formErrors: [{ key: "invitations.csv.mustSkip" }] });
    expect(await personal()).toEqual([]);
  });

  it("a file with a bad line and « skip bad lines » imports only the good ones", async () => {
    expect(await importInvitations(db, actor, campaignId, BAD, true)).toEqual({ ok: true, imported: 2 });
    expect((await personal()).map((p) => p.email)).toEqual(["helene@exemple.fr", "karim@exemple.fr"]);
  });

  it("importing the same list twice adds nobody the second time", async () => {
    await importInvitations(db, actor, campaignId, GOOD, false);
    expect(await importInvitations(db, actor, campaignId, GOOD, true)).toMatchObject({ ok: false, formErrors: [], check: { ok: true, rows: [] } });
    expect(await personal()).toHaveLength(2);
  });

  it("the export is an Excel-FR CSV: BOM, semicolons, one line per person", async () => {
    await importInvitations(db, actor, campaignId, GOOD, false);
    const { csv } = await exportInvitationsCsv(db, actor.territoryId, campaignId, BASE);
    expect(csv.startsWith("\uFEFFnom;email;groupe;quartier;code;lien;statut\r\n")).toBe(true);
    expect(csv).toMatch(/Hélène Dupré;helene@exemple\.fr;Habitant·es;Quartier Nord;[A-Z0-9]{10};https:\/\/eval\.exemple\.fr\/s\/[A-Z0-9]{10};non envoyée/);
  });
});

describe("adding invitations by hand", () => {
  it("refuses an address already invited and an unknown neighbourhood, per field", async () => {
    expect(await addPersonalInvitation(db, actor, campaignId, { email: "Zoe@Exemple.fr", groupId: "residents" })).toEqual({ ok: true });
    expect(await addPersonalInvitation(db, actor, campaignId, { email: "zoe@exemple.fr", groupId: "residents" })).toEqual(fieldFailure("email", "invitations.errors.alreadyInvited"));
    expect(await addPersonalInvitation(db, actor, campaignId, { groupId: "touristes", neighbourhood: "Lune" })).toEqual({
      ok: false,
      fieldErrors: { groupId: [{ key: "invitations.errors.groupRequired" }], neighbourhood: [{ key: "invitations.errors.neighbourhoodUnknown" }] },
      formErrors: [],
    });
  });

  it("an open link's cap cannot go below the responses it already has", async () => {
    const link = await db.selectFrom("invitation").select(["id"]).where("campaign_id", "=", campaignId).where("kind", "=", "open_link").executeTakeFirstOrThrow();
    await db.updateTable("invitation").set({ response_count: 3 }).where("id", "=", link.id).execute();
    expect(await changeOpenLinkCap(db, actor, campaignId, link.id, 2)).toEqual(fieldFailure("cap", "invitations.errors.capBelowCount"));
    expect(await changeOpenLinkCap(db, actor, campaignId, link.id, 10)).toEqual({ ok: true });
  });

  it("printed sheets come one per invitation, each with its own QR code and code", async () => {
    const created = await createPaperInvitations(db, actor, campaignId, { groupId: "residents", neighbourhood: "Les Hauts", count: 3 });
    if (!created.ok) throw new Error("not created");
    const print = await getPrintSheets(db, actor.territoryId, campaignId, { batch: created.batch }, BASE);
    expect(print.sheets).toHaveLength(3);
    expect(new Set(print.sheets.map((s) => s.code)).size).toBe(3);
    for (const sheet of print.sheets) {
      expect(sheet.svg).toMatch(/^<svg/);
      expect(sheet.url).toBe(`${BASE}/s/${sheet.code}`);
    }
  });

  it("people added without an e-mail can be printed, with their name, to hand over", async () => {
    await addPersonalInvitation(db, actor, campaignId, { name: "Mme Martin", groupId: "residents" });
    await addPersonalInvitation(db, actor, campaignId, { name: "Par e-mail", email: "mail@exemple.fr", groupId: "residents" });
    const print = await getPrintSheets(db, actor.territoryId, campaignId, { withoutEmail: true }, BASE);
    expect(print.sheets.map((s) => s.name)).toEqual(["Mme Martin"]);
  });
});

describe("e-mail invitations", () => {
  beforeEach(async () => {
    await importInvitations(db, actor, campaignId, GOOD, false);
  });

  it("sending queues one e-mail per person with the link, the code and an unsubscribe link", async () => {
    expect(await sendInvitationEmails(db, actor, campaignId, BASE)).toEqual({ ok: true, queued: 2 });
    const helene = nth(await personal(), 0);
    const first = nth(await outbox(), 0);
    expect(first.to_address).toBe("helene@exemple.fr");
    expect(first.campaign_id).toBe(campaignId);
    expect(first.subject).toBe("Commune de Démo vous invite à donner votre avis");
    expect(first.text_body).toContain("Bonjour Hélène Dupré,");
    expect(first.text_body).toContain(`${BASE}/s/${helene.code}`);
    expect(first.text_body).toContain(`saisissez le code : ${helene.code}`);
    expect(first.text_body).toContain("Vos réponses sont anonymes");
    expect(first.text_body).toMatch(new RegExp(`${BASE}/unsubscribe/${helene.id}\\.[\\w-]+`));
    // A second click sends nothing more.
    expect(await sendInvitationEmails(db, actor, campaignId, BASE)).toEqual({ ok: true, queued: 0 });
    expect(await outbox()).toHaveLength(2);
  });

  it("an address that unsubscribed gets nothing, neither invitation nor reminder", async () => {
    const helene = nth(await personal(), 0);
    await sendInvitationEmails(db, actor, campaignId, BASE);
    const token = nth(nth(await outbox(), 0).text_body.match(/\/unsubscribe\/(\S+)/) ?? [], 1);
    expect(await describeUnsubscribe(db, token)).toEqual({ territoryName: "Commune de Démo", maskedEmail: "h•••••@exemple.fr" });
    expect(await recordUnsubscribe(db, token)).toEqual({ territoryName: "Commune de Démo" });
    expect(await describeUnsubscribe(db, `${helene.id}.forged-signature-forged-signature`)).toBeNull();

    await sendReminderEmails(db, actor, campaignId, BASE);
    expect((await outbox()).filter((m) => m.kind === "campaign_reminder").map((m) => m.to_address)).toEqual(["karim@exemple.fr"]);

    const overview = await getInvitationsOverview(db, actor.territoryId, campaignId);
    expect(overview.personal.find((p) => p.email === "helene@exemple.fr")?.status).toBe("unsubscribed");
  });

  it("an address that unsubscribed earlier (another campaign) is not sent the invitation", async () => {
    await db.insertInto("email_opt_out").values({ territory_id: actor.territoryId, email: "karim@exemple.fr", created_at: new Date().toISOString() }).execute();
    expect(await sendInvitationEmails(db, actor, campaignId, BASE)).toEqual({ ok: true, queued: 1 });
    expect((await outbox()).map((m) => m.to_address)).toEqual(["helene@exemple.fr"]);
  });

  it("the reminder goes only to those who have not answered, and only once", async () => {
    await sendInvitationEmails(db, actor, campaignId, BASE);
    // Karim answered: the survey module marks his invitation used (it learns nothing more).
    await db.updateTable("invitation").set({ response_count: 1 }).where("email", "=", "karim@exemple.fr").execute();
    expect(await sendReminderEmails(db, actor, campaignId, BASE)).toEqual({ ok: true, queued: 1 });
    expect(await sendReminderEmails(db, actor, campaignId, BASE)).toEqual({ ok: true, queued: 0 });
    const reminders = (await outbox()).filter((m) => m.kind === "campaign_reminder");
    expect(reminders.map((m) => m.to_address)).toEqual(["helene@exemple.fr"]);
    expect(nth(reminders, 0).subject).toBe("Rappel : Commune de Démo attend votre avis");
  });

  it("nothing is sent while the campaign is not open", async () => {
    await transitionCampaign(db, actor, campaignId, "closed", campaignInvitations);
    expect(await sendInvitationEmails(db, actor, campaignId, BASE)).toEqual(formFailure("invitations.email.notOpen"));
    expect(await outbox()).toEqual([]);
  });

  it("with a mail transport, queued e-mails are delivered by the worker and marked sent; a refusal keeps no address", async () => {
    await sendInvitationEmails(db, actor, campaignId, BASE);
    const delivered: string[] = [];
    const transport = {
      async sendMail(message: { to: string }) {
        if (message.to.startsWith("karim")) throw Object.assign(new Error("550 mailbox unavailable: karim@exemple.fr"), { responseCode: 550 });
        delivered.push(message.to);
      },
    };
    expect(await deliverDueMessages(db, { transport, policy: { ...DEFAULT_POLICY, ratePerSecond: 1000 } })).toEqual({ sent: 1, retrying: 0, failed: 1 });
    expect(delivered).toEqual(["helene@exemple.fr"]);
    const sent = await outbox();
    const helene = nth(sent, 0);
    const karim = nth(sent, 1);
    expect(helene.sent_at).not.toBeNull();
    expect(karim.error).toBe("550 mailbox unavailable: [adresse]");
  });
});

describe("erasing personal data at close", () => {
  it("blanks names and e-mails and the campaign's outbox, only once the campaign is closed", async () => {
    await importInvitations(db, actor, campaignId, GOOD, false);
    await sendInvitationEmails(db, actor, campaignId, BASE);
    expect(await deletePersonalData(db, actor, campaignId)).toEqual(formFailure("invitations.personalData.notYet"));
    await transitionCampaign(db, actor, campaignId, "closed", campaignInvitations);
    expect(await deletePersonalData(db, actor, campaignId)).toEqual({ ok: true });
    expect((await personal()).map((p) => [p.email, p.display_name])).toEqual([
      [null, null],
      [null, null],
    ]);
    expect(await outbox()).toEqual([]);
    const campaign = await db.selectFrom("campaign").select("personal_data_deleted_at").where("id", "=", campaignId).executeTakeFirstOrThrow();
    expect(campaign.personal_data_deleted_at).not.toBeNull();
    const audit = await db.selectFrom("audit_log").select("action").where("entity_id", "=", campaignId).execute();
    expect(audit.map((a) => a.action)).toContain("personal_data_deleted");
  });
});

describe("sealed tenants", () => {
  it("another territory's campaign invitations answer 404, reading or writing", async () => {
    const other = await createTerritoryWithAdmin(db, { slug: "autre", name: "Autre Commune", kind: "commune", admin: { email: "maire@autre.fr", displayName: "Maire", password: "autre-autre-autre" } });
    const stranger = { territoryId: other.territoryId, userId: other.userId };
    const calls: (() => Promise<unknown>)[] = [
      () => getInvitationsOverview(db, stranger.territoryId, campaignId),
      () => importInvitations(db, stranger, campaignId, GOOD, false),
      () => sendInvitationEmails(db, stranger, campaignId, BASE),
      () => deletePersonalData(db, stranger, campaignId),
      () => exportInvitationsCsv(db, stranger.territoryId, campaignId, BASE),
      () => createPaperInvitations(db, stranger, campaignId, { groupId: "residents", count: 1 }),
    ];
    for (const call of calls) {
      const error = await call().then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(Response);
      expect((error as Response).status).toBe(404);
    }
    expect(await personal()).toEqual([]);
  });
});
