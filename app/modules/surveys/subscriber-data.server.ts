import type { DbOrTrx } from "../../../db/connection";

// « Prévenez-moi » addresses of one person (RGPD), and the install's counts for the privacy page.

export function listSubscriptions(db: DbOrTrx, territoryId: string, address: string) {
  return db.selectFrom("results_subscriber").select(["campaign_id", "email"]).where("territory_id", "=", territoryId).where("email", "=", address.trim().toLowerCase()).execute();
}

export async function deleteSubscriptions(trx: DbOrTrx, territoryId: string, address: string): Promise<number> {
  const result = await trx.deleteFrom("results_subscriber").where("territory_id", "=", territoryId).where("email", "=", address.trim().toLowerCase()).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function countSubscribersAndResponses(db: DbOrTrx) {
  const subscribers = await db.selectFrom("results_subscriber").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  const responses = await db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
  return { subscribers: Number(subscribers.n), responses: Number(responses.n) };
}
