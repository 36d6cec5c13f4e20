import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { isOpenDataFile } from "~/modules/publication/files";
import { getPublicDataFile } from "~/modules/publication/publication.server";

/** Public open data of a published evaluation: its CSV files, JSON and datapackage.json. */
export async function loader({ params }: LoaderFunctionArgs) {
  const file = params.file ?? "";
  if (!isOpenDataFile(file)) throw new Response("Not found", { status: 404 });
  const { body, contentType } = await getPublicDataFile(db, params.territorySlug ?? "", params.evaluationId ?? "", file);
  return new Response(body, { headers: { "Content-Type": contentType, "Content-Disposition": `inline; filename="${file}"`, "Access-Control-Allow-Origin": "*" } });
}
