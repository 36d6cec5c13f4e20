import type { DbOrTrx } from "../../../db/connection";
import type { CampaignInvitations } from "../campaigns/invitations-port";
import { syncOpenLinks } from "./open-links.server";

/** The invitations a campaign's own rules need (see `CampaignInvitations`): passed in by the routes. */
export const campaignInvitations: CampaignInvitations = {
  syncOpenLinks,

  async countInvitations(trx: DbOrTrx, territoryId: string, campaignId: string) {
    const { n } = await trx
      .selectFrom("invitation")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("campaign_id", "=", campaignId)
      .where("territory_id", "=", territoryId)
      .executeTakeFirstOrThrow();
    return Number(n);
  },

  async listOpenLinks(db: DbOrTrx, territoryId: string, campaignId: string) {
    const rows = await db
      .selectFrom("invitation")
      .select(["id", "code", "group_id", "response_count", "max_responses"])
      .where("campaign_id", "=", campaignId)
      .where("territory_id", "=", territoryId)
      .where("kind", "=", "open_link")
      .orderBy("created_at")
      .execute();
    return rows.map((r) => ({ id: r.id, code: r.code, groupId: r.group_id, responseCount: r.response_count, maxResponses: r.max_responses }));
  },
};
