import type { DbOrTrx } from "../../../db/connection";

// A person's e-mails in the outbox (RGPD access and erasure). Addresses are compared lower-cased.

export function listEmailsTo(db: DbOrTrx, territoryId: string, address: string) {
  return db
    .selectFrom("outbox_message")
    .select(["kind", "subject", "text_body", "status", "created_at", "sent_at"])
    .where("territory_id", "=", territoryId)
    .where((eb) => eb(eb.fn("lower", ["to_address"]), "=", address.toLowerCase()))
    .orderBy("created_at")
    .execute();
}

/** Deletes them in the caller's transaction (secure_delete overwrites the bytes). */
export async function deleteEmailsTo(trx: DbOrTrx, territoryId: string, address: string): Promise<number> {
  const result = await trx
    .deleteFrom("outbox_message")
    .where("territory_id", "=", territoryId)
    .where((eb) => eb(eb.fn("lower", ["to_address"]), "=", address.toLowerCase()))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** How many e-mails the install holds (the privacy page's inventory). */
export async function countOutboxMessages(db: DbOrTrx): Promise<number> {
  const { n } = await db.selectFrom("outbox_message").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return Number(n);
}
