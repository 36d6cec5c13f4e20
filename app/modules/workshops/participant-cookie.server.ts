import { createCookie } from "@remix-run/node";
import { z } from "zod";
import type { Participant } from "./votes.server";

// The participant's random token lives only here, in their own browser, for one day, named after
// one workshop: the database keeps its hash until the vote closes, never the token. The path is
// `/a`, not `/a/CODE`: with JavaScript the page's data loads from `/a/CODE.data`, which a cookie
// of path `/a/CODE` does not reach (the phone would be asked to join again and again).

const participantSchema = z.object({ token: z.string().min(16).max(64), groupId: z.string().min(1).max(100) });

function cookieFor(joinCode: string) {
  return createCookie(`workshop_${joinCode}`, { path: "/a", sameSite: "lax", httpOnly: true, maxAge: 60 * 60 * 24 });
}

export async function readParticipant(request: Request, joinCode: string): Promise<Participant | null> {
  const value: unknown = await cookieFor(joinCode).parse(request.headers.get("Cookie"));
  const parsed = participantSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function participantCookie(joinCode: string, participant: Participant, secure: boolean): Promise<string> {
  return cookieFor(joinCode).serialize(participant, { secure });
}
