import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { exportOwnAccount } from "~/modules/accounts/own-data.server";

/** One's own data as a JSON file (RGPD right of access and portability). */
export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const body = JSON.stringify(await exportOwnAccount(db, member.userId), null, 2);
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="mes-donnees.json"' } });
}
