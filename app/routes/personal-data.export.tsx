import type { LoaderFunctionArgs } from "@remix-run/node";
import { db } from "~/db.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { personEmailSchema } from "~/modules/privacy/forms";
import { exportPersonData } from "~/modules/privacy/person.server";

/** A person's invitation data in this territory as JSON, to send them on their request. */
export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  const parsed = personEmailSchema.safeParse({ email: new URL(request.url).searchParams.get("email") ?? undefined });
  if (!parsed.success) throw new Response("Adresse e-mail manquante ou invalide.", { status: 400 });
  const body = JSON.stringify(await exportPersonData(db, member.territoryId, parsed.data.email), null, 2);
  return new Response(body, { headers: { "Content-Type": "application/json; charset=utf-8", "Content-Disposition": 'attachment; filename="donnees-personne.json"' } });
}
