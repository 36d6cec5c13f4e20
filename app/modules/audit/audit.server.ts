import type { DbOrTrx } from "../../../db/connection";
import { nowIso } from "../../lib/time";

export type AuditEntry = {
  territoryId: string;
  actorUserId: string | null;
  entityType: "campaign" | "framework_version" | "membership" | "evaluation" | "user" | "personal_data_request";
  entityId: string;
  action: string;
  fromState?: string | null;
  toState?: string | null;
};

/** Writes one audit line; call it inside the transaction that makes the change. */
export async function logAudit(db: DbOrTrx, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      territory_id: entry.territoryId,
      actor_user_id: entry.actorUserId,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      action: entry.action,
      from_state: entry.fromState ?? null,
      to_state: entry.toState ?? null,
      at: nowIso(),
    })
    .execute();
}

/** An entity's history, newest first; the caller names the actors (accounts owns the users). */
export function listAudit(db: DbOrTrx, territoryId: string, entityType: AuditEntry["entityType"], entityId: string) {
  return db
    .selectFrom("audit_log")
    .select(["id", "action", "from_state", "to_state", "at", "actor_user_id"])
    .where("territory_id", "=", territoryId)
    .where("entity_type", "=", entityType)
    .where("entity_id", "=", entityId)
    .orderBy("id", "desc")
    .execute();
}
