import { describe, expect, it } from "vitest";
import { newId } from "../../app/lib/ids";
import { nowIso } from "../../app/lib/time";
import { deleteOwnAccount, exportOwnAccount } from "../../app/modules/accounts/own-data.server";
import { sendInvitationEmails } from "../../app/modules/invitations/emails.server";
import { importInvitations } from "../../app/modules/invitations/import.server";
import { getPrivacyInventory } from "../../app/modules/privacy/inventory.server";
import { erasePersonData, exportPersonData } from "../../app/modules/privacy/person.server";
import { demoFacts, freshDbPerTest } from "../helpers/db";

// RGPD: the privacy page's inventory is read from the database; a member exports and deletes
// their own account; a council exports and erases one person's invitation data on request.

const t = freshDbPerTest();

async function openCampaign() {
  const { admin } = await demoFacts(t.db);
  const campaign = await t.db.selectFrom("campaign").select("id").where("territory_id", "=", admin.territoryId).where("state", "=", "open").executeTakeFirstOrThrow();
  return { admin, campaignId: campaign.id };
}

describe("personal data", () => {
  it("the inventory counts what the install holds, and follows it when data is added", async () => {
    const before = await getPrivacyInventory(t.db);
    expect(before.members).toBeGreaterThanOrEqual(2);
    const { admin, campaignId } = await openCampaign();
    await importInvitations(t.db, admin, campaignId, "email;nom;groupe\nhelene@exemple.fr;Hélène;residents\n", false);
    await sendInvitationEmails(t.db, admin, campaignId, "https://eval.exemple.fr");
    const after = await getPrivacyInventory(t.db);
    expect(after.invitations).toBe(before.invitations + 1);
    expect(after.outbox).toBe(before.outbox + 1);
  });

  it("a person's invitation data is exported, then erased on request: invitations blanked, e-mails and subscriptions gone, opt-out and other people kept", async () => {
    const { admin, campaignId } = await openCampaign();
    await importInvitations(t.db, admin, campaignId, "email;nom;groupe\nHelene@Exemple.fr;Hélène Durand;residents\nkarim@exemple.fr;Karim;residents\n", false);
    await sendInvitationEmails(t.db, admin, campaignId, "https://eval.exemple.fr");
    await t.db.insertInto("results_subscriber").values({ id: newId(), territory_id: admin.territoryId, campaign_id: campaignId, email: "helene@exemple.fr" }).execute();
    await t.db.insertInto("email_opt_out").values({ territory_id: admin.territoryId, email: "helene@exemple.fr", created_at: nowIso() }).execute();

    const exported = await exportPersonData(t.db, admin.territoryId, " HELENE@exemple.fr ");
    expect(exported.invitations).toEqual([expect.objectContaining({ campaignId, name: "Hélène Durand", answered: false })]);
    expect(exported.emails).toHaveLength(1);
    expect(exported.emails[0]!.text).toContain("https://eval.exemple.fr");
    expect(exported.subscriptions).toEqual([{ campaignId }]);
    expect(exported.optedOut).toBe(true);
    // Another territory asking about the same address learns nothing.
    expect((await exportPersonData(t.db, "another-territory", "helene@exemple.fr")).invitations).toEqual([]);

    expect(await erasePersonData(t.db, admin, "helene@exemple.fr")).toEqual({ invitations: 1, emails: 1, subscriptions: 1 });
    const after = await exportPersonData(t.db, admin.territoryId, "helene@exemple.fr");
    expect(after).toMatchObject({ invitations: [], emails: [], subscriptions: [], optedOut: true });
    expect((await exportPersonData(t.db, admin.territoryId, "karim@exemple.fr")).invitations).toHaveLength(1);
    const names = await t.db.selectFrom("invitation").select("display_name").where("campaign_id", "=", campaignId).where("kind", "=", "personal").execute();
    expect(names.map((n) => n.display_name)).toEqual(expect.not.arrayContaining(["Hélène Durand"]));
    const audit = await t.db.selectFrom("audit_log").selectAll().where("action", "=", "person_data_erased").execute();
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain("helene");
  });

  it("a member downloads their data, then deletes their account: nothing personal stays, they can no longer sign in", async () => {
    const asso = await t.db.selectFrom("user").select(["id", "email"]).where("email", "=", "asso@demo.fr").executeTakeFirstOrThrow();
    const mine = await exportOwnAccount(t.db, asso.id);
    expect(mine.account.email).toBe("asso@demo.fr");
    expect(mine.memberships).toEqual([expect.objectContaining({ territory: "Commune de Démo", role: "association_member" })]);
    expect(JSON.stringify(mine)).not.toContain("$argon2");

    expect(await deleteOwnAccount(t.db, asso.id)).toEqual({ ok: true });
    const user = await t.db.selectFrom("user").selectAll().where("id", "=", asso.id).executeTakeFirstOrThrow();
    expect(user.email).not.toContain("asso@demo.fr");
    expect(user.display_name).toBe("Compte supprimé");
    expect(user.password_hash.startsWith("$argon2")).toBe(false);
    expect(await t.db.selectFrom("membership").select("id").where("user_id", "=", asso.id).execute()).toEqual([]);
    expect(await t.db.selectFrom("user").select("id").where("email", "=", "asso@demo.fr").execute()).toEqual([]);
  });

  it("the last administrator of a territory cannot delete their account", async () => {
    const { admin } = await openCampaign();
    const result = await deleteOwnAccount(t.db, admin.userId);
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).toContain("operations.account.lastAdmin");
    expect(await t.db.selectFrom("membership").select("id").where("user_id", "=", admin.userId).execute()).toHaveLength(1);
  });
});
