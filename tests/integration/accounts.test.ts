import { describe, expect, it } from "vitest";
import { acceptMemberInvitation, changeMemberRole, inviteMember, listMembers } from "../../app/modules/accounts/members.server";
import { authenticate } from "../../app/modules/accounts/sign-in.server";
import { listOutbox } from "../../app/modules/outbox/outbox.server";
import { demoFacts, freshDbPerTest } from "../helpers/db";
import { nth } from "../helpers/present";

const t = freshDbPerTest();

describe("accounts", () => {
  it("signs in with the right password only, whatever the e-mail's case", async () => {
    expect(await authenticate(t.db, "ELU@demo.fr", "demo-demo-demo")).not.toBeNull();
    expect(await authenticate(t.db, "elu@demo.fr", "wrong-password")).toBeNull();
    expect(await authenticate(t.db, "nobody@demo.fr", "demo-demo-demo")).toBeNull();
  });

  it("an invited person gets a link by e-mail, joins with the role chosen and can sign in", async () => {
    const { territory, admin } = await demoFacts(t.db);
    const inviter = { territoryId: territory.id, territoryName: territory.name, userId: admin.userId, displayName: "Camille" };
    const invited = await inviteMember(t.db, inviter, { email: "Animatrice@Demo.fr", role: "facilitator", language: "fr" }, "http://localhost:3000");
    expect(invited).toEqual({ ok: true, email: "animatrice@demo.fr" });

    const mail = nth(await listOutbox(t.db, territory.id), 0);
    expect(mail.toAddress).toBe("animatrice@demo.fr");
    expect(mail.subject).toBe("Invitation à rejoindre Commune de Démo sur Évaluation partagée");
    expect(mail.textBody).toContain("animateur·rice");
    const token = nth(/\/invitation\/([\w-]+)/.exec(mail.textBody) ?? [], 1);

    const accepted = await acceptMemberInvitation(t.db, token, { displayName: "Inès Animatrice", password: "un-mot-de-passe-long" });
    expect(accepted.ok).toBe(true);
    expect(await authenticate(t.db, "animatrice@demo.fr", "un-mot-de-passe-long")).toMatchObject({ territoryId: territory.id });
    const members = await listMembers(t.db, territory.id);
    expect(members.find((m) => m.email === "animatrice@demo.fr")?.role).toBe("facilitator");

    // The link works once.
    expect((await acceptMemberInvitation(t.db, token, { displayName: "X", password: "un-mot-de-passe-long" })).ok).toBe(false);
  });

  it("refuses to invite someone who is already a member", async () => {
    const { territory, admin } = await demoFacts(t.db);
    const inviter = { territoryId: territory.id, territoryName: territory.name, userId: admin.userId, displayName: "Camille" };
    expect(await inviteMember(t.db, inviter, { email: "asso@demo.fr", role: "viewer", language: "fr" }, "http://x")).toMatchObject({ ok: false, fieldErrors: { email: [{ key: "errors.alreadyMember" }] } });
  });

  it("never leaves the council without an administrator", async () => {
    const { territory, admin } = await demoFacts(t.db);
    const members = await listMembers(t.db, territory.id);
    const adminMembership = members.find((m) => m.role === "admin")!;
    expect(await changeMemberRole(t.db, territory.id, admin.userId, adminMembership.id, "viewer")).toMatchObject({ ok: false, formErrors: [{ key: "errors.lastAdmin" }] });
    const assoMembership = members.find((m) => m.role === "association_member")!;
    expect(await changeMemberRole(t.db, territory.id, admin.userId, assoMembership.id, "admin")).toEqual({ ok: true });
    expect(await changeMemberRole(t.db, territory.id, admin.userId, adminMembership.id, "viewer")).toEqual({ ok: true });
  });
});
