import type { DbOrTrx } from "../../../db/connection";
import { nowIso } from "../../lib/time";
import { newInvitation } from "./invitation-row";

/**
 * Makes a draft campaign's open links follow its stakeholder groups: one link per group (a kept
 * group keeps its link and code, so printed posters still work), the links of removed groups go
 * if nobody answered through them. Refuses, before writing anything, to drop a group that
 * personal invitations or paper sheets are meant for. Used at creation and at each draft edit.
 */
export async function syncOpenLinks(trx: DbOrTrx, territoryId: string, campaignId: string, groupIds: readonly string[]): Promise<{ ok: true } | { ok: false }> {
  const invitations = await trx.selectFrom("invitation").select(["id", "kind", "group_id", "response_count"]).where("campaign_id", "=", campaignId).where("territory_id", "=", territoryId).execute();
  const kept = new Set(groupIds);
  if (invitations.some((i) => i.kind !== "open_link" && !kept.has(i.group_id))) return { ok: false };

  const openLinks = invitations.filter((i) => i.kind === "open_link");
  const unused = openLinks.filter((l) => !kept.has(l.group_id) && l.response_count === 0).map((l) => l.id);
  if (unused.length > 0) await trx.deleteFrom("invitation").where("id", "in", unused).where("territory_id", "=", territoryId).execute();
  const linked = new Set(openLinks.map((l) => l.group_id));
  const missing = groupIds.filter((groupId) => !linked.has(groupId));
  const createdAt = nowIso();
  if (missing.length > 0) await trx.insertInto("invitation").values(missing.map((groupId) => newInvitation(territoryId, campaignId, "open_link", groupId, null, createdAt))).execute();
  return { ok: true };
}
