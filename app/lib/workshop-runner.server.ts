import type { LoaderFunctionArgs } from "@remix-run/node";
import type { Db } from "../../db/connection";
import { db } from "../db.server";
import { requireMember } from "../modules/accounts/guard.server";
import { WORKSHOP_RUNNERS } from "../modules/accounts/roles";

// The pages of those who run workshops and type paper questionnaires (facilitators, admins,
// editors): one guard, and one loader shape for the pages that read one thing by its id.

export function requireWorkshopRunner(request: Request) {
  return requireMember(request, WORKSHOP_RUNNERS);
}

/**
 * A loader's body: signs the runner in and reads `read(db, territory, params[param])`. Called
 * inside `export async function loader`, never at a module's top level: the browser's bundle
 * keeps the route module but not this server file.
 */
export async function loadForWorkshopRunner<T>({ request, params }: LoaderFunctionArgs, read: (db: Db, territoryId: string, id: string) => Promise<T>, param: "campaignId" | "workshopId"): Promise<T> {
  const member = await requireWorkshopRunner(request);
  return read(db, member.territoryId, params[param] ?? "");
}
