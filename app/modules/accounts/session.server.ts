import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { sessionSecret } from "../../../db/config";
import type { DbOrTrx } from "../../../db/connection";
import { newId } from "../../lib/ids";
import { reachedOverHttps } from "../../lib/request.server";
import { addDays, nowIso } from "../../lib/time";

const SESSION_DAYS = 14;

type SessionData = { sessionId: string };
type FlashData = { flash: { key: string; params?: Record<string, string | number> } };

let storage: ReturnType<typeof createCookieSessionStorage<SessionData, FlashData>> | undefined;
function sessionStorage() {
  // Created on first use: the secret file lives beside the database, known only at run time.
  return (storage ??= createCookieSessionStorage<SessionData, FlashData>({
    cookie: { name: "__session", httpOnly: true, sameSite: "lax", path: "/", secrets: [sessionSecret()], maxAge: SESSION_DAYS * 86_400 },
  }));
}


export function getCookieSession(request: Request) {
  return sessionStorage().getSession(request.headers.get("Cookie"));
}

export async function commitCookieSession(request: Request, session: Awaited<ReturnType<typeof getCookieSession>>) {
  return sessionStorage().commitSession(session, { secure: reachedOverHttps(request) });
}

/** Starts a server-side session (revocable: signing out deletes the row) and sets the cookie. */
export async function startUserSession(db: DbOrTrx, request: Request, userId: string, territoryId: string, redirectTo: string) {
  const id = newId();
  await db
    .insertInto("user_session")
    .values({ id, user_id: userId, territory_id: territoryId, created_at: nowIso(), expires_at: addDays(nowIso(), SESSION_DAYS) })
    .execute();
  const session = await getCookieSession(request);
  session.set("sessionId", id);
  return redirect(redirectTo, { headers: { "Set-Cookie": await commitCookieSession(request, session) } });
}

export async function endUserSession(db: DbOrTrx, request: Request) {
  const session = await getCookieSession(request);
  const id = session.get("sessionId");
  if (typeof id === "string") await db.deleteFrom("user_session").where("id", "=", id).execute();
  return redirect("/login?signedOut=1", { headers: { "Set-Cookie": await sessionStorage().destroySession(session) } });
}

/** A one-time message shown on the next page (e.g. « Invitation envoyée »). */
export async function flash(request: Request, message: { key: string; params?: Record<string, string | number> }) {
  const session = await getCookieSession(request);
  session.flash("flash", message);
  return { "Set-Cookie": await commitCookieSession(request, session) };
}

/** Reads (and so clears) the one-time message; returns the header that clears it. */
export async function readFlash(request: Request) {
  const session = await getCookieSession(request);
  const message = session.get("flash");
  return { message: message ?? null, headers: message ? { "Set-Cookie": await commitCookieSession(request, session) } : undefined };
}

/** The territories a person can switch between (one per membership). */
export function listUserTerritories(db: DbOrTrx, userId: string) {
  return db
    .selectFrom("membership as m")
    .innerJoin("territory as t", "t.id", "m.territory_id")
    .select(["t.id", "t.name"])
    .where("m.user_id", "=", userId)
    .orderBy("t.name")
    .execute();
}

/** Moves the session to another territory the person is a member of; false if they are not. */
export async function switchSessionTerritory(db: DbOrTrx, sessionId: string, userId: string, territoryId: string): Promise<boolean> {
  const membership = await db.selectFrom("membership").select("id").where("user_id", "=", userId).where("territory_id", "=", territoryId).executeTakeFirst();
  if (!membership) return false;
  await db.updateTable("user_session").set({ territory_id: territoryId }).where("id", "=", sessionId).where("user_id", "=", userId).execute();
  return true;
}
