import { type Kysely, Migrator } from "kysely";
import { migrations } from "../migrations/index";

/** Applies every pending migration; a second run is a no-op. Throws on the first failure. */
// Kysely<any>: migrations speak of tables by name, whatever the current schema type says.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results = [] } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Which migrations this code knows and which the database has applied (for /healthz and db:verify). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrationStatus(db: Kysely<any>): Promise<{ expected: number; applied: number; pending: string[] }> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const all = await migrator.getMigrations();
  const pending = all.filter((m) => !m.executedAt).map((m) => m.name);
  return { expected: all.length, applied: all.length - pending.length, pending };
}
