import type { DbOrTrx } from "../../../db/connection";
import { verifyAgainstNothing, verifyPassword } from "./password.server";
import { accountThrottle } from "./throttle";

// 5 failed tries per account before the first wait (in memory, README « Sécurité »).
const throttle = accountThrottle(5);

/** Checks e-mail and password; returns the user and the territory to open, or null. */
export async function authenticate(db: DbOrTrx, email: string, password: string) {
  const user = await db
    .selectFrom("user")
    .select(["id", "password_hash"])
    .where("email", "=", email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user) return verifyAgainstNothing(password).then(() => null);
  if (!(await verifyPassword(user.password_hash, password))) return null;
  // A person may belong to several territories; the first one joined opens by default.
  const membership = await db
    .selectFrom("membership")
    .select("territory_id")
    .where("user_id", "=", user.id)
    .orderBy("created_at")
    .executeTakeFirst();
  return membership ? { userId: user.id, territoryId: membership.territory_id } : null;
}

export type SignInResult = { status: "ok"; userId: string; territoryId: string } | { status: "invalid" } | { status: "throttled"; waitMinutes: number };

/**
 * Sign-in with the brute-force throttle: while the e-mail or the address must wait, the password
 * is not even checked, and the answer is the same whether the account exists or not.
 */
export async function signIn(db: DbOrTrx, email: string, password: string, clientIp: string): Promise<SignInResult> {
  const waitMinutes = throttle.waitMinutes(email, clientIp);
  if (waitMinutes > 0) return { status: "throttled", waitMinutes };
  const user = await authenticate(db, email, password);
  if (!user) {
    throttle.record(email, clientIp);
    return { status: "invalid" };
  }
  throttle.reset(email);
  return { status: "ok", ...user };
}
