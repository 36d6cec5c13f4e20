import { sql } from "kysely";
import type { Db } from "../../../db/connection";
import { migrationStatus } from "../../../db/migrator";
import { outboxBacklog } from "../outbox/outbox.server";

export type Health = {
  status: "ok" | "degraded" | "down";
  database: "ok" | "unreachable";
  migrations: { current: boolean; applied: number; expected: number };
  outbox: { pending: number; retrying: number; failed: number; uncertain: number; oldestPendingMinutes: number | null } | null;
};

/**
 * GET /healthz: the database answers, its migrations are this code's, and the outbox backlog.
 * Counts only: no address, no path, no version string an attacker could use. "down" (503) when
 * the app cannot serve; "degraded" when e-mails fail or wait for over an hour.
 */
export async function getHealth(db: Db, now = new Date()): Promise<Health> {
  try {
    await sql`select 1`.execute(db);
  } catch {
    return { status: "down", database: "unreachable", migrations: { current: false, applied: 0, expected: 0 }, outbox: null };
  }
  const migrations = await migrationStatus(db);
  const backlog = await outboxBacklog(db);
  const oldestPendingMinutes = backlog.oldestPendingAt ? Math.floor((now.getTime() - new Date(backlog.oldestPendingAt).getTime()) / 60_000) : null;
  const current = migrations.pending.length === 0;
  const degraded = backlog.failed > 0 || backlog.uncertain > 0 || (oldestPendingMinutes ?? 0) > 60;
  return {
    status: !current ? "down" : degraded ? "degraded" : "ok",
    database: "ok",
    migrations: { current, applied: migrations.applied, expected: migrations.expected },
    outbox: { pending: backlog.pending, retrying: backlog.retrying, failed: backlog.failed, uncertain: backlog.uncertain, oldestPendingMinutes },
  };
}
