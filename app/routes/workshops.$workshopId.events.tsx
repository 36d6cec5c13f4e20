import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { requireWorkshopRunner } from "~/lib/workshop-runner.server";
import { streamBoard } from "~/modules/workshops/board-stream.server";
import { getBoardState } from "~/modules/workshops/workshops.server";

// The live board's feed: server-sent events, or the state once as JSON for the polling
// fallback (a browser or proxy where the stream does not get through).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireWorkshopRunner(request);
  const workshopId = params.workshopId ?? "";
  if (request.headers.get("Accept")?.includes("text/event-stream")) return streamBoard(db, member.territoryId, workshopId, request.signal);
  return Response.json(await getBoardState(db, member.territoryId, workshopId), { headers: { "Cache-Control": "no-store" } });
}
