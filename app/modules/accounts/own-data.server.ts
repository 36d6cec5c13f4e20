import { randomBytes } from "node:crypto";
import type { Db, DbOrTrx } from "../../../db/connection";
import { logAudit } from "../audit/audit.server";
import { formFailure, type Result } from "../failure";
import { deleteEmailsTo, listEmailsTo } from "../outbox/personal-data.server";
import { countAdmins } from "./members.server";
import { wouldRemoveLastAdmin } from "./roles";

// A member's own data (RGPD access and erasure, « Mon compte »).

// A deleted account's address: unusable (.invalid is reserved) and recognisable, so it is never counted as a person's.
const DELETED_PREFIX = "supprime-";
const DELETED_DOMAIN = "@invalid";

async function memberships(db: DbOrTrx, userId: string) {
  return db
    .selectFrom("membership as m")
    .innerJoin("territory as t", "t.id", "m.territory_id")
    .select(["m.territory_id", "t.name as territory", "m.role", "m.created_at"])
    .where("m.user_id", "=", userId)
    .execute();
}

/** What « Mon compte » shows: the account and its memberships (the download has the rest). */
export async function getOwnAccount(db: Db, userId: string) {
  const [user, spaces] = await Promise.all([db.selectFrom("user").select(["email", "display_name", "created_at"]).where("id", "=", userId).executeTakeFirstOrThrow(), memberships(db, userId)]);
  return { account: { email: user.email, name: user.display_name, createdAt: user.created_at }, memberships: spaces.map((m) => ({ territory: m.territory, role: m.role, since: m.created_at })) };
}

/** Everything kept about the signed-in person: account, memberships, sessions, their e-mails. */
export async function exportOwnAccount(db: Db, userId: string) {
  const user = await db.selectFrom("user").select(["email", "display_name", "created_at"]).where("id", "=", userId).executeTakeFirstOrThrow();
  const spaces = await memberships(db, userId);
  const sessions = await db.selectFrom("user_session").select(["created_at", "expires_at"]).where("user_id", "=", userId).execute();
  const emails = await Promise.all(spaces.map((m) => listEmailsTo(db, m.territory_id, user.email)));
  return {
    account: { email: user.email, name: user.display_name, createdAt: user.created_at, password: "argon2id hash, not exported" },
    memberships: spaces.map((m) => ({ territory: m.territory, role: m.role, since: m.created_at })),
    sessions: sessions.map((s) => ({ createdAt: s.created_at, expiresAt: s.expires_at })),
    emails: emails.flat().map((e) => ({ kind: e.kind, subject: e.subject, text: e.text_body, status: e.status, createdAt: e.created_at, sentAt: e.sent_at })),
  };
}

/**
 * Deletes one's account: name and address replaced, password made unusable, sessions, reset
 * links, memberships and one's e-mails in the outbox deleted. The user row stays (without
 * anything personal) so what one wrote for an association keeps its author: « compte supprimé ».
 * Refused while one is the last administrator of a territory.
 */
export async function deleteOwnAccount(db: Db, userId: string): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom("user").select(["email"]).where("id", "=", userId).executeTakeFirstOrThrow();
    const spaces = await memberships(trx, userId);
    for (const m of spaces) {
      if (wouldRemoveLastAdmin(await countAdmins(trx, m.territory_id), m.role, "viewer")) return formFailure("operations.account.lastAdmin", { territory: m.territory });
    }
    for (const m of spaces) {
      await deleteEmailsTo(trx, m.territory_id, user.email);
      await logAudit(trx, { territoryId: m.territory_id, actorUserId: null, entityType: "user", entityId: userId, action: "account_deleted" });
    }
    await trx.deleteFrom("user_session").where("user_id", "=", userId).execute();
    await trx.deleteFrom("password_reset").where("user_id", "=", userId).execute();
    await trx.deleteFrom("membership").where("user_id", "=", userId).execute();
    await trx
      .updateTable("user")
      .set({ email: `${DELETED_PREFIX}${randomBytes(12).toString("hex")}${DELETED_DOMAIN}`, display_name: "Compte supprimé", password_hash: `deleted:${randomBytes(16).toString("hex")}` })
      .where("id", "=", userId)
      .execute();
    return { ok: true as const };
  });
}

/** Accounts that still belong to someone (the privacy page's inventory). */
export async function countMemberAccounts(db: DbOrTrx): Promise<number> {
  const { n } = await db.selectFrom("user").select((eb) => eb.fn.countAll<number>().as("n")).where("email", "not like", `${DELETED_PREFIX}%${DELETED_DOMAIN}`).executeTakeFirstOrThrow();
  return Number(n);
}
