import type { Db } from "../../../db/connection";
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
    .values({ id: newId(), territory_id: campaign.territory_id, campaign_id: campaign.id, email: email.trim().toLowerCase() })
    .onConflict((oc) => oc.columns(["campaign_id", "email"]).doNothing())
    .execute();
  return true;
}
