import type { Db, DbOrTrx } from "../../../db/connection";
import { precompile, type Param } from "../../../db/precompiled";

// What the surveys area (a layer above) reads and writes of an invitation. The survey is public:
// the code is the only key, and every further query is scoped to the invitation's territory.

const SURVEY_COLUMNS = ["id", "code", "kind", "campaign_id", "territory_id", "group_id", "max_responses", "response_count"] as const;

/** The invitation behind a code, whatever its territory (the code is the key); undefined if unknown. */
export function findInvitationByCode(db: DbOrTrx, code: string) {
  return db.selectFrom("invitation").select(SURVEY_COLUMNS).where("code", "=", code).executeTakeFirst();
}

/** A personal invitation or paper sheet was opened (the participation page counts these). */
export async function markInvitationOpened(db: Db, territoryId: string, invitationId: string): Promise<void> {
  await db.updateTable("invitation").set({ is_opened: 1 }).where("id", "=", invitationId).where("territory_id", "=", territoryId).execute();
}

// Precompiled (db/precompiled.ts): read and written on every survey submit.

/** The invitation a draft was started from. */
export const findDraftInvitation = precompile((db, param: Param<{ invitationId: string; territoryId: string }>) =>
  db.selectFrom("invitation").select(SURVEY_COLUMNS).where("id", "=", param("invitationId")).where("territory_id", "=", param("territoryId")),
);

/**
 * One more response through the invitation: the submit's transaction runs it. The database's
 * CHECK constraints refuse a second use of a personal invitation or a link past its cap.
 */
export const markInvitationUsed = precompile((db, param: Param<{ invitationId: string; territoryId: string }>) =>
  db
    .updateTable("invitation")
    .set((eb) => ({ response_count: eb("response_count", "+", 1) }))
    .where("id", "=", param("invitationId"))
    .where("territory_id", "=", param("territoryId")),
);
