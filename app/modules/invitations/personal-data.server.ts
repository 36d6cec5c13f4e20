import type { Db } from "../../../db/connection";
import { nowIso } from "../../lib/time";
import { logAudit } from "../audit/audit.server";
import { formFailure, type Result } from "../failure";
import { findCampaign, markPersonalDataDeleted } from "../campaigns/campaigns.server";
import { deleteCampaignEmails } from "../outbox/outbox.server";
import type { Actor } from "./invitations.server";
import { canDeletePersonalData } from "./status";

/** How many invitations still hold a name or an address (shown on the confirm step). */
export async function countPersonalData(db: Db, territoryId: string, campaignId: string) {
  const campaign = await findCampaign(db, territoryId, campaignId);
  const { n } = await db
    .selectFrom("invitation")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("campaign_id", "=", campaign.id)
    .where("territory_id", "=", territoryId)
    .where((eb) => eb.or([eb("email", "is not", null), eb("display_name", "is not", null)]))
    .executeTakeFirstOrThrow();
  return { campaign, count: n, canDelete: canDeletePersonalData(campaign.state) };
}

/**
 * Erases the names and e-mails of a closed campaign's invitations and the campaign's outbox
 * messages (secure_delete overwrites them on disk). Opt-outs stay: they must keep working.
 */
export async function deletePersonalData(db: Db, actor: Actor, campaignId: string): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const campaign = await findCampaign(trx, actor.territoryId, campaignId);
    if (!canDeletePersonalData(campaign.state)) return formFailure("invitations.personalData.notYet");
    await trx.updateTable("invitation").set({ email: null, display_name: null }).where("campaign_id", "=", campaign.id).where("territory_id", "=", actor.territoryId).execute();
    await deleteCampaignEmails(trx, actor.territoryId, campaign.id);
    await markPersonalDataDeleted(trx, actor.territoryId, campaign.id, nowIso());
    await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "campaign", entityId: campaign.id, action: "personal_data_deleted", fromState: campaign.state, toState: campaign.state });
    return { ok: true as const };
  });
}
