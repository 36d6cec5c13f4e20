import type { ActionFunctionArgs } from "@remix-run/node";
import type { DbOrTrx } from "../../db/connection";
import { db } from "../db.server";
import { findCampaign } from "../modules/campaigns/campaigns.server";
import { findOwnFramework } from "../modules/frameworks/drafts.server";
import { findWorkshop } from "../modules/workshops/workshops.server";
import { routeParam } from "./route-params";

// The territory-scoped lookup of each id an action's URL may carry (each throws a 404).
const LOOKUPS = {
  campaignId: findCampaign,
  frameworkId: findOwnFramework,
  workshopId: findWorkshop,
} satisfies Record<string, (db: DbOrTrx, territoryId: string, id: string) => Promise<{ id: string }>>;

/**
 * The URL's id once it is known to be the member's territory's; a 404 otherwise, as for a
 * made-up id. An action calls it before reading its form: a form error (400) would otherwise
 * answer another territory's id differently from an id that does not exist.
 */
export async function ownedParam(member: { territoryId: string }, params: ActionFunctionArgs["params"], name: keyof typeof LOOKUPS): Promise<string> {
  const found = await LOOKUPS[name](db, member.territoryId, routeParam(params, name));
  return found.id;
}
