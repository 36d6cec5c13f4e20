import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { exportFrameworkVersion } from "~/modules/frameworks/files.server";
import { routeParam } from "~/lib/route-params";

const versionParam = z.coerce.number().int().min(1).max(100_000);

/** Downloads one version as a framework file, the same format as evaluation-frameworks/*.json. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const asked = new URL(request.url).searchParams.get("version");
  const number = asked === null ? undefined : versionParam.safeParse(asked).data;
  if (asked !== null && number === undefined) throw new Response("Not found", { status: 404 });
  const file = await exportFrameworkVersion(db, member.territoryId, routeParam(params, "frameworkId"), number);
  return new Response(file.text, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
