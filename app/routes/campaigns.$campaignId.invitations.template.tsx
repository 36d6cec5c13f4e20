import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { invitationCsvTemplate } from "~/modules/invitations/import.server";

/** A CSV template (Excel-FR) with the columns the import reads. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  if (!params.campaignId) throw new Response("Not found", { status: 404 });
  const { filename, csv } = await invitationCsvTemplate(db, member.territoryId, params.campaignId);
  return new Response(csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" },
  });
}
