import type { Db, DbOrTrx } from "../../../db/connection";
import { createTranslator, type Locale } from "../../i18n/i18n";
import { newId, sha256 } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { formFailure, type Result } from "../failure";
import { queueEmail } from "../outbox/outbox.server";
import { hashPassword } from "./password.server";
import { accountThrottle } from "./throttle";

// Every request counts (not only failures): each one may send an e-mail, so an address cannot be
// flooded with reset mails, nor the outbox filled from one IP. 3 per account before the first wait.
const throttle = accountThrottle(3);

/** A reset link works for one hour, once. */
export const RESET_LINK_MINUTES = 60;

export type ResetRequestResult = { status: "sent" } | { status: "throttled"; waitMinutes: number };

/**
 * Queues a reset link for the address if an account has it. The answer is the same whether it
 * does or not (« sent »), so the form cannot be used to learn who has an account. The e-mail
 * goes through the outbox of the person's first territory: without SMTP its admins read it there.
 */
export async function requestPasswordReset(db: Db, email: string, clientIp: string, baseUrl: string, locale: Locale): Promise<ResetRequestResult> {
  const waitMinutes = throttle.waitMinutes(email, clientIp);
  if (waitMinutes > 0) return { status: "throttled", waitMinutes };
  throttle.record(email, clientIp);
  const address = email.trim().toLowerCase();
  const user = await db
    .selectFrom("user as u")
    .innerJoin("membership as m", "m.user_id", "u.id")
    .select(["u.id", "m.territory_id"])
    .where("u.email", "=", address)
    .orderBy("m.created_at")
    .executeTakeFirst();
  if (!user) return { status: "sent" };
  const token = newId();
  const now = new Date();
  const t = createTranslator(locale);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("password_reset")
      .values({ id: newId(), user_id: user.id, token_hash: sha256(token), created_at: now.toISOString(), expires_at: new Date(now.getTime() + RESET_LINK_MINUTES * 60_000).toISOString(), used_at: null })
      .execute();
    await queueEmail(trx, {
      territoryId: user.territory_id,
      kind: "password_reset",
      to: address,
      subject: t("passwordReset.emailSubject"),
      text: t("passwordReset.emailBody", { link: `${baseUrl}/reset-password/${token}`, minutes: RESET_LINK_MINUTES }),
    });
  });
  return { status: "sent" };
}

function findUsableReset(db: DbOrTrx, token: string) {
  return db
    .selectFrom("password_reset")
    .select(["id", "user_id"])
    .where("token_hash", "=", sha256(token))
    .where("used_at", "is", null)
    .where("expires_at", ">", nowIso())
    .executeTakeFirst();
}

/** Whether a reset link can still be used (not used, not expired). */
export async function isResetLinkUsable(db: Db, token: string): Promise<boolean> {
  return (await findUsableReset(db, token)) !== undefined;
}

/**
 * Sets the new password, spends the link (and every other link of that person) and ends all of
 * their sessions: whoever knew the old password is signed out everywhere.
 */
export async function resetPassword(db: Db, token: string, newPassword: string): Promise<Result<{ userId: string }>> {
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    const reset = await findUsableReset(trx, token);
    if (!reset) return formFailure("passwordReset.linkUnusable");
    const now = nowIso();
    await trx.updateTable("user").set({ password_hash: passwordHash }).where("id", "=", reset.user_id).execute();
    await trx.updateTable("password_reset").set({ used_at: now }).where("user_id", "=", reset.user_id).where("used_at", "is", null).execute();
    await trx.deleteFrom("user_session").where("user_id", "=", reset.user_id).execute();
    return { ok: true as const, userId: reset.user_id };
  });
}
