import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";

// Remix types every URL parameter as optional, though the route's file name guarantees it.
const SEGMENT = z.string().min(1).max(200);

/** A URL parameter of the route, parsed: a missing or malformed one answers 404, like an unknown id. */
export function routeParam(params: LoaderFunctionArgs["params"], name: string): string {
  const parsed = SEGMENT.safeParse(params[name]);
  if (!parsed.success) throw new Response("Not found", { status: 404 });
  return parsed.data;
}
