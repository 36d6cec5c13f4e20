import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/connection";
import { migrateToLatest } from "../../db/migrator";
import { isHealthy, verifyDatabase } from "../../app/modules/operations/verify.server";
import { isScreening } from "../../app/modules/surveys/questions";
import { receiptKey, startSurvey } from "../../app/modules/surveys/survey.server";
import { seedDemoTerritory } from "../../seed/seed";
import { freePort } from "../helpers/app-server";
import { fillDraft } from "../integration/survey-fixtures";

// `npm run test:crash` (in .ci/run): 20 survey submissions at once against the real server,
// kill -9 of the server while they are in flight, restart. Every submission that got its
// thank-you redirect must be stored exactly once, and db:verify must pass. Three rounds.

const ROUNDS = 3;
const CONCURRENT = 20;

function startServer(dbPath: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: dbPath, PORT: String(port), SMTP_URL: "", DEMO_RESPONSES: "0", LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 90_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(`localhost:${port}`)) {
        clearTimeout(timer);
        child.removeAllListeners("exit");
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

/** The « Envoyer mes réponses » button without JavaScript; "ack" = the redirect to the thank-you page. */
function submit(agent: Agent, port: number, code: string): Promise<"ack" | "other" | "cut"> {
  return new Promise((resolve) => {
    const body = "intent=submit";
    const req = request(`http://127.0.0.1:${port}/r/${code}/envoyer`, { method: "POST", agent, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": body.length } }, (res) => {
      const ack = res.statusCode === 302 && res.headers.location?.endsWith(`/r/${code}/merci`) === true;
      res.resume();
      res.on("end", () => resolve(ack ? "ack" : "other"));
      res.on("error", () => resolve(ack ? "ack" : "cut"));
    });
    req.on("error", () => resolve("cut"));
    req.end(body);
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

async function countRows(db: Db) {
  const count = (table: "response" | "submission_receipt") => db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow().then((r) => Number(r.n));
  return { responses: await count("response"), receipts: await count("submission_receipt") };
}

describe("kill -9 during 20 concurrent survey submissions", () => {
  let dir: string;
  let dbPath: string;
  let codes: string[] = [];
  let server: ChildProcess | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "eval-crash-"));
    dbPath = join(dir, "app.sqlite");
    const { db } = createDb(dbPath);
    await migrateToLatest(db);
    await seedDemoTerritory(db);
    const link = await db.selectFrom("invitation").select("code").where("kind", "=", "open_link").where("group_id", "=", "residents").executeTakeFirstOrThrow();
    // One draft answered screen by screen through the module, its answers copied to the others.
    const first = await fillDraft(db, link.code, (step) => (isScreening(step) ? { value: "yes" } : step.scale.type === "likert" ? { value: "4" } : { dontKnow: true }));
    const filled = await db.selectFrom("survey_draft").select(["answers", "step"]).where("resume_code", "=", first.resumeCode).executeTakeFirstOrThrow();
    codes = [first.resumeCode];
    while (codes.length < ROUNDS * CONCURRENT) {
      const started = await startSurvey(db, link.code);
      if (!started.ok) throw new Error(started.status);
      codes.push(started.resumeCode);
    }
    await db.updateTable("survey_draft").set({ answers: filled.answers, step: filled.step }).execute();
    await db.destroy();
  });
  afterAll(async () => {
    if (server) await killHard(server);
    rmSync(dir, { recursive: true, force: true });
  });

  it("every acknowledged submission is stored once after each restart, and db:verify passes", async () => {
    const acknowledged: string[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const port = await freePort();
      server = await startServer(dbPath, port);
      const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENT });
      const batch = codes.slice(round * CONCURRENT, (round + 1) * CONCURRENT);
      // kill -9 once half the thank-yous have arrived: the rest are in flight, some committed, some not.
      let killed: Promise<void> | undefined;
      let acks = 0;
      const outcomes = await Promise.all(
        batch.map((code) =>
          submit(agent, port, code).then((outcome) => {
            if (outcome === "ack" && ++acks === CONCURRENT / 2) killed = killHard(server!);
            return outcome;
          }),
        ),
      );
      await (killed ?? killHard(server));
      agent.destroy();
      acknowledged.push(...batch.filter((_, i) => outcomes[i] === "ack"));
      expect(outcomes.filter((o) => o === "other"), `round ${round}: no submission may be refused`).toEqual([]);
    }

    // Restart once more: every acknowledged submission is there, exactly once.
    const port = await freePort();
    server = await startServer(dbPath, port);
    const { db } = createDb(dbPath);
    try {
      const before = await countRows(db);
      const receipts = new Set((await db.selectFrom("submission_receipt").select("key").execute()).map((r) => r.key));
      const missing = acknowledged.filter((code) => !receipts.has(receiptKey(code)));
      expect(missing, "acknowledged submissions lost").toEqual([]);
      // One response per receipt (same transaction): nothing stored twice, nothing half-written.
      expect(before.responses).toBe(before.receipts);
      expect(acknowledged.length).toBeGreaterThan(0);
      // Sending an acknowledged one again changes nothing: it is already there.
      const agent = new Agent({ keepAlive: true });
      const again = await Promise.all(acknowledged.slice(0, 5).map((code) => submit(agent, port, code)));
      agent.destroy();
      expect(again.every((o) => o === "ack")).toBe(true);
      expect(await countRows(db)).toEqual(before);

      const report = await verifyDatabase(db);
      expect(report.differences).toEqual([]);
      expect(isHealthy(report)).toBe(true);
      console.log(`crash test: ${ROUNDS} rounds, ${acknowledged.length} acknowledged, ${before.responses} stored, 0 lost, db:verify ok`);
    } finally {
      await db.destroy();
    }
  });
});
