import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { requireWorkshopRunner } from "~/lib/workshop-runner.server";
import { paperTemplateCsv } from "~/modules/paper/paper.server";

/** The campaign's empty spreadsheet for paper answers, for Excel-FR. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireWorkshopRunner(request);
  const { filename, csv } = await paperTemplateCsv(db, member.territoryId, params.campaignId ?? "");
  return new Response(csv, { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${filename}"`, "Cache-Control": "no-store" } });
}
