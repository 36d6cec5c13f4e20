// `npm run bench`: survey-submit throughput and latency of the real app next to a bare
// node:http + better-sqlite3 handler doing the same transaction, in one run, localhost only.
// Each side gets a fresh SQLite file (migrations + demo seed) with N complete drafts, then
// N POST submits are sent with bounded concurrency. Needs the build (`npm run bench` builds).
// Options (environment): BENCH_SUBMITS (default 2000), BENCH_CONCURRENCY (default 8), BENCH_ROUNDS (default 20),
// BENCH_PROFILE=<dir> (CPU profiles of both servers).
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { Agent, request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../tests/helpers/app-server";
import { performance } from "node:perf_hooks";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrator";
import { seedDemoTerritory } from "../seed/seed";
import { loadSurvey, saveSurveyStep, startSurvey } from "../app/modules/surveys/survey.server";
import { startProcess, stopProcess } from "./processes";

const SUBMITS = Number(process.env.BENCH_SUBMITS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const TIME_LIMIT_MS = 30_000; // per round and side: the bench stops by itself whatever happens

/** A fresh database with the demo campaign and `count` drafts answered in full, ready to submit. */
async function prepareDatabase(dir: string, count: number) {
  const path = join(dir, "bench.sqlite");
  const { db } = createDb(path);
  await migrateToLatest(db);
  await seedDemoTerritory(db);
  const link = await db.selectFrom("invitation").select("code").where("kind", "=", "open_link").where("group_id", "=", "residents").executeTakeFirstOrThrow();
  // One draft answered screen by screen through the module (a mix of values and « je ne sais
  // pas »), then its answers copied to the others: same work per submit, quick to prepare.
  const first = await startSurvey(db, link.code);
  if (!first.ok) throw new Error(`demo link refused: ${first.status}`);
  const { steps } = (await loadSurvey(db, first.resumeCode))!;
  for (const [index, step] of steps.entries()) {
    const raw = step.scale.type === "likert" ? { value: "4" } : step.scale.type === "rating" ? { value: "7" } : step.scale.type === "yes_no" ? { value: "yes" } : step.scale.type === "text" ? { value: "Un lieu qui rend service au quartier." } : { dontKnow: true };
    const saved = await saveSurveyStep(db, first.resumeCode, index, "next", raw);
    if (!saved.ok) throw new Error(`step ${index} refused`);
  }
  const filled = await db.selectFrom("survey_draft").select(["answers", "step"]).where("resume_code", "=", first.resumeCode).executeTakeFirstOrThrow();
  const codes = [first.resumeCode];
  while (codes.length < count) {
    const started = await startSurvey(db, link.code);
    if (!started.ok) throw new Error(started.status);
    codes.push(started.resumeCode);
  }
  await db.updateTable("survey_draft").set({ answers: filled.answers, step: filled.step }).execute();
  await db.destroy();
  return { path, codes, questions: steps.length };
}

type Run = { name: string; ok: number; failed: number; seconds: number; latencies: number[]; stored: number; roundRps: number[] };

const FORM_BODY = "intent=submit";

/**
 * One submit as a browser without JavaScript sends it (urlencoded form, kept-alive
 * connection). node:http rather than fetch: the load generator shares the 2 CPUs with the
 * servers, and undici's fetch costs it several times more CPU per request.
 */
function post(agent: Agent, baseUrl: string, code: string): Promise<{ status: number; location: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${baseUrl}/r/${code}/envoyer`,
      { method: "POST", agent, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": FORM_BODY.length } },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode ?? 0, location: res.headers.location }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(FORM_BODY);
  });
}

const agents = new Map<string, Agent>();

/** Sends every submit with at most CONCURRENCY in flight; each must answer 302 → /merci. */
async function load(baseUrl: string, codes: string[]) {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const deadline = performance.now() + TIME_LIMIT_MS;
  let agent = agents.get(baseUrl);
  if (!agent) agents.set(baseUrl, (agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY })));
  const worker = async () => {
    while (next < codes.length && performance.now() < deadline) {
      const code = codes[next++];
      if (code === undefined) break;
      const started = performance.now();
      const res = await post(agent, baseUrl, code);
      latencies.push(performance.now() - started);
      if (res.status !== 302 || !res.location?.endsWith(`/r/${code}/merci`)) failed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { latencies, failed, seconds: (performance.now() - started) / 1000 };
}

function countResponses(path: string): number {
  const { sqlite } = createDb(path);
  try {
    return (sqlite.prepare("select count(*) as n from response").get() as { n: number }).n;
  } finally {
    sqlite.close();
  }
}

type Side = { name: string; path: string; codes: string[]; base: string; child: ChildProcess; run: Run };

async function prepareSide(dir: string, name: string, warm: number, start: (path: string, port: number) => Promise<ChildProcess>): Promise<Side> {
  const { path, codes } = await prepareDatabase(dir, SUBMITS + warm);
  const port = await freePort();
  const child = await start(path, port);
  return { name, path, codes, base: `http://127.0.0.1:${port}`, child, run: { name, ok: 0, failed: 0, seconds: 0, latencies: [], stored: 0, roundRps: [] } };
}

/**
 * Both servers run side by side and are measured in alternating rounds, so a busy moment of
 * the machine (other processes, disk) weighs on both alike instead of on one of them.
 */
async function measureBoth(): Promise<[Run, Run]> {
  const dir = mkdtempSync(join(tmpdir(), "eval-bench-"));
  const sides: Side[] = [];
  try {
    // Extra drafts warm each server up (JIT tiers, caches) before the measured ones: 100 left
    // the app's Remix and Kysely code still being optimised during the first rounds.
    const warm = Math.min(400, Math.ceil(SUBMITS / 5));
    mkdirSync(join(dir, "app"));
    mkdirSync(join(dir, "bare"));
    sides.push(
      await prepareSide(join(dir, "app"), "application (server.ts + Kysely)", warm, (path, port) =>
        startProcess(["server.ts"], { NODE_ENV: "production", DATABASE_URL: path, PORT: String(port), SMTP_URL: "" }, `localhost:${port}`),
      ),
    );
    sides.push(await prepareSide(join(dir, "bare"), "node:http + better-sqlite3 nu", warm, (path, port) => startProcess(["bench/bare-server.ts", path, String(port)], {}, "bare server ready")));
    for (const side of sides) await load(side.base, side.codes.slice(0, warm));
    // Short rounds, many of them: on a shared machine the load changes within seconds, and
    // the median of 20 back-to-back pairs is steadier than one total over the whole run.
    const rounds = ROUNDS;
    const perRound = Math.ceil(SUBMITS / rounds);
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        const chunk = side.codes.slice(warm + round * perRound, warm + Math.min(SUBMITS, (round + 1) * perRound));
        const { latencies, failed, seconds } = await load(side.base, chunk);
        side.run.latencies.push(...latencies);
        side.run.failed += failed;
        side.run.seconds += seconds;
        side.run.roundRps.push(latencies.length / seconds);
      }
    }
    for (const side of sides) {
      side.run.ok = side.run.latencies.length - side.run.failed;
      side.run.stored = countResponses(side.path) - warm;
    }
    const [app, bare] = sides;
    if (!app || !bare) throw new Error("both sides are prepared above");
    return [app.run, bare.run];
  } finally {
    for (const agent of agents.values()) agent.destroy();
    for (const side of sides) await stopProcess(side.child);
    rmSync(dir, { recursive: true, force: true });
  }
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const at = (index: number) => sorted[index] ?? NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

/** One line per side; the throughput shown is the median of its rounds (a busy moment weighs on one round, not on the figure). */
function report(run: Run) {
  const sorted = run.latencies.slice().sort((a, b) => a - b);
  const rps = median(run.roundRps);
  console.log(
    `${run.name.padEnd(30)} ${String(run.latencies.length).padStart(6)} envois  ${rps.toFixed(0).padStart(6)} req/s (médiane des manches, ${run.roundRps.map((r) => r.toFixed(0)).join(" ")})  p50 ${percentile(sorted, 50).toFixed(1).padStart(6)} ms  p99 ${percentile(sorted, 99).toFixed(1).padStart(6)} ms  échecs ${run.failed}  réponses en base ${run.stored}`,
  );
  return rps;
}

if (!existsSync("build/index.js")) {
  console.error("build/index.js manque : lancez `npm run bench` (qui construit) ou `npm run build` d'abord.");
  process.exit(1);
}
console.log(`Benchmark envoi de questionnaire : ${SUBMITS} envois par côté, ${CONCURRENCY} en parallèle, localhost.`);
const [app, bare] = await measureBoth();
report(app);
report(bare);
// Each round measures both servers back to back: the ratio is taken round by round, then its median.
const ratios = app.roundRps.map((rps, round) => rps / (bare.roundRps[round] ?? NaN));
const ratio = median(ratios);
console.log(
  `Rapport application / nu : ${(ratio * 100).toFixed(0)} % (médiane des ${ratios.length} manches ; de ${(Math.min(...ratios) * 100).toFixed(0)} à ${(Math.max(...ratios) * 100).toFixed(0)} %) — objectif ≥ 80 %${ratio >= 0.8 ? " atteint" : ", en dessous de l'objectif"}`,
);
if (app.stored !== app.latencies.length || bare.stored !== bare.latencies.length || app.failed + bare.failed > 0) {
  console.error("Incohérence : chaque envoi devait créer exactement une réponse.");
  process.exitCode = 1;
}
