import { redirect } from "@remix-run/node";
import type { Role } from "../../../db/schema";
import { db } from "../../db.server";
import { nowIso } from "../../lib/time";
import { getCookieSession } from "./session.server";

export type Member = {
  sessionId: string;
  userId: string;
  displayName: string;
  email: string;
  territoryId: string;
  territoryName: string;
  role: Role;
  associationId: string | null;
};

/** The signed-in member of the session's territory, or null. One indexed query. */
export async function getMember(request: Request): Promise<Member | null> {
  const session = await getCookieSession(request);
  const sessionId = session.get("sessionId");
  if (typeof sessionId !== "string") return null;
  const row = await db
    .selectFrom("user_session as s")
    .innerJoin("user as u", "u.id", "s.user_id")
    .innerJoin("membership as m", (join) => join.onRef("m.user_id", "=", "s.user_id").onRef("m.territory_id", "=", "s.territory_id"))
    .innerJoin("territory as t", "t.id", "s.territory_id")
    .select(["s.id as sessionId", "u.id as userId", "u.display_name", "u.email", "t.id as territoryId", "t.name as territoryName", "m.role", "m.association_id"])
    .where("s.id", "=", sessionId)
    .where("s.expires_at", ">", nowIso())
    .executeTakeFirst();
  if (!row) return null;
  return {
    sessionId: row.sessionId,
    userId: row.userId,
    displayName: row.display_name,
    email: row.email,
    territoryId: row.territoryId,
    territoryName: row.territoryName,
    role: row.role,
    associationId: row.association_id,
  };
}

/**
 * The route guard: a signed-in member of the session's territory with one of `roles`.
 * Not signed in → sign-in page (coming back here after); wrong role → 403.
 * The territory always comes from the membership, never from the URL or a form.
 */
export async function requireMember(request: Request, roles?: readonly Role[]): Promise<Member> {
  const member = await getMember(request);
  if (!member) {
    const url = new URL(request.url);
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
  }
  if (roles && !roles.includes(member.role)) throw new Response("Forbidden", { status: 403 });
  return member;
}
