import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { getHealth } from "~/modules/operations/health.server";

/** For a monitor or a load balancer: 200 while the app can serve (ok or degraded), 503 when not. */
export async function loader(_args: LoaderFunctionArgs) {
  const health = await getHealth(db);
  return Response.json(health, { status: health.status === "down" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
}
