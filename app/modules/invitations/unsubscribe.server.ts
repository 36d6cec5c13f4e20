import { createHmac, timingSafeEqual } from "node:crypto";
import { sessionSecret } from "../../../db/config";
import type { Db } from "../../../db/connection";
import { nowIso } from "../../lib/time";
import { getTerritoryName } from "../accounts/territories.server";

// An unsubscribe link is `<invitation id>.<HMAC(territory, e-mail)>`: it names no address, it
// cannot be forged for another address, and it stops working once the address is erased.

function signature(territoryId: string, email: string, secret: string): string {
  return createHmac("sha256", secret).update(`unsubscribe\n${territoryId}\n${email}`).digest("base64url").slice(0, 32);
}

export function unsubscribeToken(invitationId: string, territoryId: string, email: string, secret = sessionSecret()): string {
  return `${invitationId}.${signature(territoryId, email, secret)}`;
}

/** « helene@exemple.fr » → « h•••••@exemple.fr »: enough to recognise one's own address. */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}${"•".repeat(Math.max(2, local.length - 1))}@${domain}`;
}

async function resolveToken(db: Db, token: string) {
  const [invitationId, sig] = token.split(".");
  if (!invitationId || !sig || invitationId.length > 64) return null;
  const row = await db.selectFrom("invitation").select(["territory_id", "email"]).where("id", "=", invitationId).executeTakeFirst();
  if (!row?.email) return null;
  const expected = Buffer.from(signature(row.territory_id, row.email, sessionSecret()));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { territoryId: row.territory_id, email: row.email, territoryName: await getTerritoryName(db, row.territory_id) };
}

/** What the unsubscribe page shows before the person confirms; null for an invalid link. */
export async function describeUnsubscribe(db: Db, token: string) {
  const found = await resolveToken(db, token);
  return found && { territoryName: found.territoryName, maskedEmail: maskEmail(found.email) };
}

/** Records the opt-out (once); later sends and reminders skip the address. */
export async function recordUnsubscribe(db: Db, token: string) {
  const found = await resolveToken(db, token);
  if (!found) return null;
  await db
    .insertInto("email_opt_out")
    .values({ territory_id: found.territoryId, email: found.email, created_at: nowIso() })
    .onConflict((oc) => oc.columns(["territory_id", "email"]).doNothing())
    .execute();
  return { territoryName: found.territoryName };
}
