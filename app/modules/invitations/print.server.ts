import QRCode from "qrcode";
import type { Db } from "../../../db/connection";
import { loadInvitationCampaign } from "./invitations.server";

export type PrintRequest = { batch?: string; posterId?: string; withoutEmail?: boolean };

/** The QR code as inline SVG (no image file, prints sharp at any size). */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/**
 * The sheets to print: the unused paper invitations of one batch (reprinting them is fine),
 * the unused personal invitations that have no e-mail (to hand over), or one open link's
 * poster. Each comes with its URL and QR code.
 */
export async function getPrintSheets(db: Db, territoryId: string, campaignId: string, request: PrintRequest, baseUrl: string) {
  const context = await loadInvitationCampaign(db, territoryId, campaignId);
  let query = db
    .selectFrom("invitation")
    .select(["id", "code", "kind", "group_id", "neighbourhood", "display_name"])
    .where("campaign_id", "=", context.campaign.id)
    .where("territory_id", "=", territoryId);
  if (request.posterId) query = query.where("id", "=", request.posterId).where("kind", "=", "open_link");
  else if (request.batch) query = query.where("kind", "=", "paper").where("created_at", "=", request.batch).where("response_count", "=", 0);
  else if (request.withoutEmail) query = query.where("kind", "=", "personal").where("email", "is", null).where("response_count", "=", 0);
  else throw new Response("Not found", { status: 404 });
  const rows = await query.orderBy("code").limit(500).execute();
  if (request.posterId && rows.length === 0) throw new Response("Not found", { status: 404 });
  const labels = new Map(context.groups.map((g) => [g.id, g.label]));
  const sheets = await Promise.all(
    rows.map(async (r) => {
      const url = `${baseUrl}/s/${r.code}`;
      return { id: r.id, code: r.code, name: r.display_name, url, svg: await qrSvg(url), groupLabel: labels.get(r.group_id) ?? { fr: r.group_id, en: r.group_id }, neighbourhood: r.neighbourhood };
    }),
  );
  return { campaign: context.campaign, territoryName: context.territoryName, isPoster: Boolean(request.posterId), sheets };
}
