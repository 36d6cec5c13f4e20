import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { setupDatabase } from "../../seed/setup";

// What `npm start` does on every start: migrate, then seed the demo territory only if it is new.
describe("start-up database setup", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  async function countRows(path: string) {
    const { db } = createDb(path);
    try {
      const count = (table: "territory" | "campaign" | "user" | "response") =>
        db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow().then((r) => r.n);
      return { territories: await count("territory"), campaigns: await count("campaign"), users: await count("user"), responses: await count("response") };
    } finally {
      await db.destroy();
    }
  }

  it("a second start applies no migration, creates no second demo and keeps what was there", async () => {
    const dir = mkdtempSync(join(tmpdir(), "eval-setup-"));
    dirs.push(dir);
    const path = join(dir, "app.sqlite");

    const first = await setupDatabase(path);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(first.seeded).toBe(true);
    const before = await countRows(path);
    // The open demo campaign and last year's closed one, whose results can be read.
    expect(before).toMatchObject({ territories: 1, campaigns: 2, users: 2 });
    // The demo campaigns come with sample answers, so their pages are not empty.
    expect(before.responses).toBeGreaterThan(30);

    // Something a user did between two starts must survive the restart.
    const { db } = createDb(path);
    await db.updateTable("territory").set({ name: "Commune renommée" }).execute();
    await db.destroy();

    const second = await setupDatabase(path);
    expect(second).toMatchObject({ applied: [], seeded: false });
    expect(await countRows(path)).toEqual(before);
    const { db: again } = createDb(path);
    expect((await again.selectFrom("territory").select("name").executeTakeFirstOrThrow()).name).toBe("Commune renommée");
    await again.destroy();
  });
});
