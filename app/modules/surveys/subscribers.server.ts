import type { Db, DbOrTrx } from "../../../db/connection";
import { newId } from "../../lib/ids";
import { findSubmittedCampaign } from "./survey.server";

/**
 * Records an address to tell when the campaign's results are published. The row holds the
 * campaign and the address only — no response, receipt, invitation, time or code — and its
 * random key in a WITHOUT ROWID table keeps no trace of when it was added. Only someone who
 * has just submitted (their draft's receipt exists) can subscribe.
 */
export async function subscribeToResults(db: Db, resumeCode: string, email: string): Promise<boolean> {
  const campaign = await findSubmittedCampaign(db, resumeCode);
  if (!campaign) return false;
  await db
    .insertInto("results_subscriber")
    .values({ id: newId(), territory_id: campaign.territoryId, campaign_id: campaign.id, email: email.trim().toLowerCase() })
    .onConflict((oc) => oc.columns(["campaign_id", "email"]).doNothing())
    .execute();
  return true;
}

/**
 * The addresses waiting for a campaign's publication, deleted as they are read: called in the
 * transaction that queues their one message, so each address is told once and then forgotten.
 */
export async function takeResultsSubscribers(trx: DbOrTrx, territoryId: string, campaignId: string): Promise<string[]> {
  const rows = await trx.selectFrom("results_subscriber").select("email").where("territory_id", "=", territoryId).where("campaign_id", "=", campaignId).execute();
  await trx.deleteFrom("results_subscriber").where("territory_id", "=", territoryId).where("campaign_id", "=", campaignId).execute();
  return rows.map((r) => r.email);
}
