import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { isHealthy, verifyDatabase } from "../../app/modules/operations/verify.server";
import { isScreening } from "../../app/modules/surveys/questions";
import { loadSurvey, saveSurveyStep, startSurvey } from "../../app/modules/surveys/survey.server";
import { submitSurvey } from "../../app/modules/surveys/submit.server";
import { seedDemoTerritory } from "../../seed/seed";
import { createTestDb, type TestDb } from "../helpers/db";

/** A fresh file with the demo and its sample answers (online, paper-free, a closed workshop vote). */
async function demoWithAnswers(): Promise<TestDb> {
  const t = await createTestDb();
  await seedDemoTerritory(t.db, { withResponses: true });
  return t;
}

// What « Exploitation » tells an operator to type: npm run db:verify, db:backup, db:restore,
// run here as the same scripts (tsx) on a real SQLite file with the demo's answers.

function run(script: string, databasePath: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], { env: { ...process.env, DATABASE_URL: databasePath }, encoding: "utf8", timeout: 60_000 });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("db:verify", () => {
  let t: TestDb;
  beforeEach(async () => {
    t = await demoWithAnswers();
  });
  afterEach(() => t.cleanup());

  it("finds every count cell of the demo equal to its recount from the raw answers and workshop votes", async () => {
    const report = await verifyDatabase(t.db);
    expect(report.campaigns).toBeGreaterThanOrEqual(2);
    expect(report.cells).toBeGreaterThan(100);
    expect(report.differences).toEqual([]);
    expect(isHealthy(report)).toBe(true);
    const cli = run("db-verify", t.path);
    expect(cli.output).toContain("Tout concorde.");
    expect(cli.code).toBe(0);
  });

  it("names a cell counted once too often and a wrong participation counter, and exits with 1", async () => {
    const cell = await t.db.selectFrom("count_cell").selectAll().where("source", "=", "online").where("value", "=", "3").executeTakeFirstOrThrow();
    await t.db.updateTable("count_cell").set({ count: cell.count + 1 }).where("campaign_id", "=", cell.campaign_id).where("project_id", "=", cell.project_id).where("indicator_id", "=", cell.indicator_id).where("group_id", "=", cell.group_id).where("source", "=", "online").where("value", "=", "3").execute();
    const tally = await t.db.selectFrom("response_tally").selectAll().where("campaign_id", "=", cell.campaign_id).executeTakeFirstOrThrow();
    await t.db.updateTable("response_tally").set({ responses: tally.responses + 2 }).where("campaign_id", "=", tally.campaign_id).where("group_id", "=", tally.group_id).where("source", "=", tally.source).execute();
    const report = await verifyDatabase(t.db);
    expect(report.differences).toEqual([expect.objectContaining({ campaignId: cell.campaign_id, indicatorId: cell.indicator_id, value: "3", stored: cell.count + 1, recomputed: cell.count })]);
    expect(report.tallies).toEqual([{ campaignId: cell.campaign_id, groupId: tally.group_id, source: tally.source, stored: tally.responses + 2, recomputed: tally.responses }]);
    const cli = run("db-verify", t.path);
    expect(cli.code).toBe(1);
    expect(cli.output).toContain(`indicateur ${cell.indicator_id}`);
    expect(cli.output).toContain(`gardé ${cell.count + 1}, recalculé ${cell.count}`);
  });

  it("recounts « ne connaît pas » from the answers a response left out, and names a tampered one", async () => {
    // A resident who does not know the first project they are asked about: their « no » is a
    // count cell that leaves no answer row, recounted from the projects they did not answer.
    const link = await t.db.selectFrom("invitation as i").innerJoin("campaign as c", "c.id", "i.campaign_id").select(["i.code", "i.campaign_id"]).where("i.kind", "=", "open_link").where("i.group_id", "=", "residents").where("c.state", "=", "open").executeTakeFirstOrThrow();
    const started = await startSurvey(t.db, link.code);
    if (!started.ok) throw new Error("the demo's open link refused a survey");
    for (let index = 0; ; index++) {
      const step = (await loadSurvey(t.db, started.resumeCode))?.steps[index];
      if (!step) break;
      const firstProject = index === 0;
      await saveSurveyStep(t.db, started.resumeCode, index, "next", isScreening(step) ? { value: firstProject ? "no" : "yes" } : { dontKnow: true });
    }
    expect((await submitSurvey(t.db, started.resumeCode)).status).toBe("submitted");
    const notKnown = t.db.selectFrom("count_cell").selectAll().where("campaign_id", "=", link.campaign_id).where("indicator_id", "=", "~known").where("value", "=", "no");
    const cell = await notKnown.executeTakeFirstOrThrow();
    expect(cell.count).toBe(1);
    expect((await verifyDatabase(t.db)).differences).toEqual([]);

    for (const tampered of [cell.count + 2, 0]) {
      await t.db.updateTable("count_cell").set({ count: tampered }).where("campaign_id", "=", cell.campaign_id).where("project_id", "=", cell.project_id).where("indicator_id", "=", "~known").where("group_id", "=", cell.group_id).where("source", "=", "online").where("value", "=", "no").execute();
      expect((await verifyDatabase(t.db)).differences).toEqual([{ campaignId: cell.campaign_id, projectId: cell.project_id, indicatorId: "~known", groupId: "residents", source: "online", value: "no", stored: tampered, recomputed: 1 }]);
    }
  });

  it("reports an orphan row (foreign keys) and SQLite's integrity check", async () => {
    expect((await verifyDatabase(t.db)).integrity).toEqual([]);
    t.sqlite.pragma("foreign_keys = OFF");
    t.sqlite.prepare("insert into answer (response_id, project_id, indicator_id, value) values ('nobody', 'p', 'i', '1')").run();
    const report = await verifyDatabase(t.db);
    expect(report.foreignKeys.map((f) => f.table)).toContain("answer");
    expect(isHealthy(report)).toBe(false);
  });
});

describe("db:backup and db:restore", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("backs up a database while it is being written, restores it in place, and the restored base verifies", async () => {
    const live = await demoWithAnswers();
    const dir = mkdtempSync(join(tmpdir(), "eval-backup-"));
    dirs.push(dir);
    const backupFile = join(dir, "backups", "app.sqlite");
    try {
      const responsesAtBackup = await live.db.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      // Writes from this process's open connection while another process backs up (WAL mode, as when serving).
      let writing = true;
      const writes = (async () => {
        let i = 0;
        while (writing) {
          await live.db.insertInto("email_opt_out").values({ territory_id: (await live.db.selectFrom("territory").select("id").executeTakeFirstOrThrow()).id, email: `w${i++}@exemple.fr`, created_at: new Date().toISOString() }).execute();
          await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();
      const backup = run("db-backup", live.path, backupFile);
      writing = false;
      await writes;
      expect(backup.code, backup.output).toBe(0);
      expect(backup.output).toContain("npm run db:restore");
      // A second backup never overwrites the first.
      expect(run("db-backup", live.path, backupFile).code).not.toBe(0);

      // After the backup, the live base changes: the restore must bring back the backup's state.
      await live.db.deleteFrom("answer").execute();
      await live.db.deleteFrom("count_cell").execute();
      await live.db.deleteFrom("response").execute();
      await live.db.destroy();

      const restore = run("db-restore", live.path, backupFile);
      expect(restore.code, restore.output).toBe(0);
      expect(restore.output).toMatch(/ancienne base est gardée/);
      const restored = createDb(live.path).db;
      try {
        const responses = await restored.selectFrom("response").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
        expect(responses.n).toBe(responsesAtBackup.n);
        expect(isHealthy(await verifyDatabase(restored))).toBe(true);
      } finally {
        await restored.destroy();
      }
      expect(run("db-verify", live.path).code).toBe(0);
    } finally {
      rmSync(join(live.path, ".."), { recursive: true, force: true });
    }
  });

  it("refuses to restore a damaged file and leaves the database as it was", async () => {
    const live = await demoWithAnswers();
    const dir = mkdtempSync(join(tmpdir(), "eval-backup-"));
    dirs.push(dir);
    const broken = join(dir, "broken.sqlite");
    writeFileSync(broken, "SQLite format 3\u0000 but not really a database".repeat(200));
    await live.db.destroy();
    try {
      const restore = run("db-restore", live.path, broken);
      expect(restore.code).not.toBe(0);
      expect(run("db-verify", live.path).code).toBe(0);
    } finally {
      rmSync(join(live.path, ".."), { recursive: true, force: true });
    }
  });
});
