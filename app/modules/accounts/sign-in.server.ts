import type { DbOrTrx } from "../../../db/connection";
import { verifyAgainstNothing, verifyPassword } from "./password.server";

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
