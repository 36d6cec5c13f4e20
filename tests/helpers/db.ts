import { mkdtempSync, rmSync } from "node:fs";
import { afterEach, beforeEach } from "vitest";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, type Db } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import { seedDemoTerritory } from "../../seed/seed";

/** A fresh SQLite file with the real migrations (and, if asked, the demo seed). No mocks. */
export async function createTestDb(options: { seed?: boolean } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "eval-test-"));
  const path = join(dir, "test.sqlite");
  const { db, sqlite } = createDb(path);
  await migrateToLatest(db);
  if (options.seed) await seedDemoTerritory(db);
  return {
    db,
    sqlite,
    path,
    async cleanup() {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The demo territory and its people, as the seed made them. */
export async function demoFacts(db: Db) {
  const territory = await db.selectFrom("territory").selectAll().where("slug", "=", "commune-de-demo").executeTakeFirstOrThrow();
  const admin = await db
    .selectFrom("membership as m")
    .innerJoin("user as u", "u.id", "m.user_id")
    .select(["u.id as userId", "m.territory_id as territoryId"])
    .where("m.territory_id", "=", territory.id)
    .where("m.role", "=", "admin")
    .executeTakeFirstOrThrow();
  const projects = await db.selectFrom("project").select(["id", "name"]).where("territory_id", "=", territory.id).orderBy("name").execute();
  return { territory, admin, projects };
}

export type TestDb = Awaited<ReturnType<typeof createTestDb>>;

/** A fresh database for each test of the file: `const t = freshDbPerTest();` then `t.db` in a test. */
export function freshDbPerTest(options: { seed?: boolean } = { seed: true }): TestDb {
  const handle = {} as TestDb;
  beforeEach(async () => {
    Object.assign(handle, await createTestDb(options));
  });
  afterEach(() => handle.cleanup());
  return handle;
}
