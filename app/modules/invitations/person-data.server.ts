import type { DbOrTrx } from "../../../db/connection";

// One person's invitation data, found by e-mail address (RGPD access and erasure on request).
// Stored addresses are lower-cased (invitations.server.ts), so the lookup lower-cases too.

export function listPersonInvitations(db: DbOrTrx, territoryId: string, address: string) {
  return db
    .selectFrom("invitation")
    .select(["campaign_id", "group_id", "neighbourhood", "email", "display_name", "sent_at", "reminded_at", "created_at", "response_count"])
    .where("territory_id", "=", territoryId)
    .where("email", "=", address.trim().toLowerCase())
    .execute();
}

/** Blanks name and address of the person's invitations, in the caller's transaction. */
export async function erasePersonInvitations(trx: DbOrTrx, territoryId: string, address: string): Promise<number> {
  const result = await trx
    .updateTable("invitation")
    .set({ email: null, display_name: null })
    .where("territory_id", "=", territoryId)
    .where("email", "=", address.trim().toLowerCase())
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function isOptedOut(db: DbOrTrx, territoryId: string, address: string): Promise<boolean> {
  const row = await db.selectFrom("email_opt_out").select("email").where("territory_id", "=", territoryId).where("email", "=", address.trim().toLowerCase()).executeTakeFirst();
  return Boolean(row);
}

/** Install-wide counts for the privacy page: invitations holding a name or address, opt-outs. */
export async function countInvitationPersonalData(db: DbOrTrx) {
  const withData = await db
    .selectFrom("invitation")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where((eb) => eb.or([eb("email", "is not", null), eb("display_name", "is not", null)]))
    .executeTakeFirstOrThrow();
  const optOuts = await db.selectFrom("email_opt_out").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { invitations: Number(withData.n), optOuts: Number(optOuts.n) };
}
