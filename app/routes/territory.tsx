import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { z } from "zod";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { switchSessionTerritory } from "~/modules/accounts/session.server";
import { readFormData } from "~/lib/http/form-data.server";

const schema = z.object({ territoryId: z.string().min(1) });

/** Switches the signed-in person to another of their territories (a 404 if not theirs). */
export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const parsed = schema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success || !(await switchSessionTerritory(db, member.sessionId, member.userId, parsed.data.territoryId))) {
    throw new Response("Not found", { status: 404 });
  }
  return redirect("/dashboard");
}

export const loader = () => redirect("/dashboard");
