import type { Db, DbOrTrx } from "../../../db/connection";
import type { Role } from "../../../db/schema";
import { createTranslator, type Locale } from "../../i18n/i18n";
import { newId, sha256 } from "../../lib/ids";
import { addDays, nowIso } from "../../lib/time";
import { logAudit } from "../audit/audit.server";
import { fieldFailure, formFailure } from "../failure";
import { queueEmail } from "../outbox/outbox.server";
import { associationNames, findOwnAssociationId } from "../projects/projects.server";
import { hashPassword, verifyPassword } from "./password.server";
import { wouldRemoveLastAdmin } from "./roles";

/** The territory's members, with the name of the association each one speaks for (if any). */
export async function listMembers(db: Db, territoryId: string) {
  const rows = await db
    .selectFrom("membership as m")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select(["m.id", "m.role", "m.association_id", "u.display_name", "u.email"])
    .where("m.territory_id", "=", territoryId)
    .orderBy("u.display_name")
    .execute();
  const associations = await associationNames(db, territoryId, rows.map((r) => r.association_id));
  return rows.map((r) => ({ id: r.id, role: r.role, displayName: r.display_name, email: r.email, associationName: (r.association_id && associations.get(r.association_id)) ?? null }));
}

export function listPendingMemberInvitations(db: Db, territoryId: string) {
  return db
    .selectFrom("member_invitation")
    .select(["id", "email", "role", "expires_at as expiresAt"])
    .where("territory_id", "=", territoryId)
    .where("accepted_at", "is", null)
    .where("expires_at", ">", nowIso())
    .orderBy("created_at", "desc")
    .execute();
}

export type InviteInput = { email: string; role: Role; associationId?: string | null; language: Locale };
type Inviter = { territoryId: string; territoryName: string; userId: string; displayName: string };

/**
 * Creates a single-use invitation link and queues the e-mail that carries it, in the language
 * chosen for the invitee; the link names that language so its page opens in it too.
 */
export async function inviteMember(db: Db, inviter: Inviter, input: InviteInput, baseUrl: string) {
  const email = input.email.trim().toLowerCase();
  const already = await db
    .selectFrom("membership as m")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select("m.id")
    .where("m.territory_id", "=", inviter.territoryId)
    .where("u.email", "=", email)
    .executeTakeFirst();
  if (already) return fieldFailure("email", "errors.alreadyMember");
  const associationId = input.associationId ? await findOwnAssociationId(db, inviter.territoryId, input.associationId) : null;
  const token = newId();
  const t = createTranslator(input.language);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("member_invitation")
      .values({
        id: newId(),
        territory_id: inviter.territoryId,
        email,
        role: input.role,
        association_id: associationId,
        // Only the hash is stored: a database leak does not hand out working invitations.
        token_hash: sha256(token),
        invited_by_user_id: inviter.userId,
        expires_at: addDays(nowIso(), 14),
        accepted_at: null,
        created_at: nowIso(),
      })
      .execute();
    await queueEmail(trx, {
      territoryId: inviter.territoryId,
      kind: "member_invitation",
      to: email,
      subject: t("email.memberInviteSubject", { territory: inviter.territoryName }),
      text: t("email.memberInviteBody", {
        inviter: inviter.displayName,
        territory: inviter.territoryName,
        role: t(`roles.${input.role}`),
        link: `${baseUrl}/invitation/${token}?lang=${input.language}`,
      }),
    });
  });
  return { ok: true as const, email };
}

/** The invitation behind a link, if it is still valid (not used, not expired). */
export function findMemberInvitation(db: Db, token: string) {
  return db
    .selectFrom("member_invitation as i")
    .innerJoin("territory as t", "t.id", "i.territory_id")
    .leftJoin("user as u", "u.email", "i.email")
    .select(["i.id", "i.email", "i.role", "i.association_id as associationId", "i.territory_id as territoryId", "t.name as territoryName", "u.id as existingUserId"])
    .where("i.token_hash", "=", sha256(token))
    .where("i.accepted_at", "is", null)
    .where("i.expires_at", ">", nowIso())
    .executeTakeFirst();
}

/** Accepts an invitation: creates the account (or checks the existing one's password) and the membership. */
export async function acceptMemberInvitation(db: Db, token: string, input: { displayName: string; password: string }) {
  const invitation = await findMemberInvitation(db, token);
  if (!invitation) return fieldFailure("password", "errors.invitationInvalid");
  let userId = invitation.existingUserId;
  if (userId) {
    const user = await db.selectFrom("user").select("password_hash").where("id", "=", userId).executeTakeFirstOrThrow();
    if (!(await verifyPassword(user.password_hash, input.password))) return fieldFailure("password", "auth.invalid");
  }
  const passwordHash = userId ? null : await hashPassword(input.password);
  await db.transaction().execute(async (trx) => {
    if (!userId) {
      userId = newId();
      await trx.insertInto("user").values({ id: userId, email: invitation.email, display_name: input.displayName.trim(), password_hash: passwordHash!, created_at: nowIso() }).execute();
    }
    const membershipId = newId();
    await trx
      .insertInto("membership")
      .values({ id: membershipId, territory_id: invitation.territoryId, user_id: userId, role: invitation.role, association_id: invitation.associationId, created_at: nowIso() })
      .onConflict((oc) => oc.columns(["territory_id", "user_id"]).doNothing())
      .execute();
    await trx.updateTable("member_invitation").set({ accepted_at: nowIso() }).where("id", "=", invitation.id).execute();
    await logAudit(trx, { territoryId: invitation.territoryId, actorUserId: userId, entityType: "membership", entityId: membershipId, action: "joined", toState: invitation.role });
  });
  return { ok: true as const, userId: userId!, territoryId: invitation.territoryId };
}

/** How many administrators a territory has (one must always remain). */
export async function countAdmins(db: DbOrTrx, territoryId: string): Promise<number> {
  const { n } = await db.selectFrom("membership").select((eb) => eb.fn.countAll<number>().as("n")).where("territory_id", "=", territoryId).where("role", "=", "admin").executeTakeFirstOrThrow();
  return Number(n);
}

export async function changeMemberRole(db: Db, territoryId: string, actorUserId: string, membershipId: string, role: Role) {
  return db.transaction().execute(async (trx) => {
    const membership = await trx.selectFrom("membership").select(["id", "role"]).where("id", "=", membershipId).where("territory_id", "=", territoryId).executeTakeFirst();
    if (!membership) throw new Response("Not found", { status: 404 });
    const admins = await countAdmins(trx, territoryId);
    if (wouldRemoveLastAdmin(admins, membership.role, role)) return formFailure("errors.lastAdmin");
    await trx.updateTable("membership").set({ role }).where("id", "=", membershipId).where("territory_id", "=", territoryId).execute();
    await logAudit(trx, { territoryId, actorUserId, entityType: "membership", entityId: membershipId, action: "role_changed", fromState: membership.role, toState: role });
    return { ok: true as const };
  });
}
