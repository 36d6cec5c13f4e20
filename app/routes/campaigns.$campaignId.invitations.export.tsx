import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { publicBaseUrl } from "~/lib/request.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { exportInvitationsCsv } from "~/modules/invitations/import.server";
import { routeParam } from "~/lib/route-params";

/** The personal invitations as a CSV file Excel-FR opens directly. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  const { filename, csv } = await exportInvitationsCsv(db, member.territoryId, routeParam(params, "campaignId"), publicBaseUrl(request));
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
  });
}
