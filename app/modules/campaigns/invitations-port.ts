import type { DbOrTrx } from "../../../db/connection";

/**
 * What the campaigns area needs of invitations, which sit a layer above it (invitations read
 * campaigns): the open links that follow a draft's groups, the count that lets a campaign open,
 * and the links the campaign page lists. Invitations implements it (`campaignInvitations`);
 * the route passes it in, so the two areas never import each other.
 */
export type CampaignInvitations = {
  /** Inside the caller's transaction; `{ ok: false }` when a removed group still has personal invitations or sheets. */
  syncOpenLinks(trx: DbOrTrx, territoryId: string, campaignId: string, groupIds: readonly string[]): Promise<{ ok: boolean }>;
  countInvitations(trx: DbOrTrx, territoryId: string, campaignId: string): Promise<number>;
  listOpenLinks(db: DbOrTrx, territoryId: string, campaignId: string): Promise<OpenLinkSummary[]>;
};

export type OpenLinkSummary = { id: string; code: string; groupId: string; responseCount: number; maxResponses: number | null };
