import type { DbOrTrx } from "../../../db/connection";
import { nowIso } from "../../lib/time";

export type AuditEntry = {
  territoryId: string;
  actorUserId: string | null;
  entityType: "campaign" | "framework_version" | "membership" | "evaluation";
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

export function listAudit(db: DbOrTrx, territoryId: string, entityType: AuditEntry["entityType"], entityId: string) {
  return db
    .selectFrom("audit_log as a")
    .leftJoin("user as u", "u.id", "a.actor_user_id")
    .select(["a.id", "a.action", "a.from_state", "a.to_state", "a.at", "u.display_name as actor"])
    .where("a.territory_id", "=", territoryId)
    .where("a.entity_type", "=", entityType)
    .where("a.entity_id", "=", entityId)
    .orderBy("a.id", "desc")
    .execute();
}
