import { newCode, newId } from "../../lib/ids";

/** A new invitation row with a fresh single-use code: the one way invitations are made. */
export function newInvitation(
  territoryId: string,
  campaignId: string,
  kind: "personal" | "open_link" | "paper",
  groupId: string,
  neighbourhood: string | null,
  createdAt: string,
  extra: { email?: string | null; display_name?: string | null; max_responses?: number | null } = {},
) {
  return {
    id: newId(),
    territory_id: territoryId,
    campaign_id: campaignId,
    kind,
    code: newCode(),
    group_id: groupId,
    neighbourhood,
    email: extra.email ?? null,
    display_name: extra.display_name ?? null,
    max_responses: extra.max_responses ?? null,
    sent_at: null,
    reminded_at: null,
    created_at: createdAt,
  };
}
