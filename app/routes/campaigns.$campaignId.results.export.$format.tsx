import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db.server";
import { getLocale } from "~/i18n/locale.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { getResultsDownload } from "~/modules/results/results-pages.server";

const formatParam = z.enum(["csv", "json"]);

/** The campaign's results for members, masked exactly as on the pages. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const format = formatParam.safeParse(params.format);
  if (!format.success) throw new Response("Not found", { status: 404 });
  const file = await getResultsDownload(db, member.territoryId, params.campaignId ?? "", format.data, await getLocale(request));
  return new Response(file.body, {
    headers: { "Content-Type": file.contentType, "Content-Disposition": `attachment; filename="${file.filename}"`, "Cache-Control": "private, no-store" },
  });
}
