// `npm run bench:results` (also run by `npm run bench`): the results page's server time does
// not grow with responses. Two closed campaigns of the demo get 10 000 and 500 000 responses
// (count cells and raw answers written directly in SQL, bench only); the results page is
// fetched several times for each (median server time of the HTTP GET), next to the same
// figures computed by GROUP BY over the raw answers. Options: BENCH_RESULTS_SMALL (10000),
// BENCH_RESULTS_LARGE (500000), BENCH_RESULTS_ROUNDS (7).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrator";
import { seedDemoTerritory } from "../seed/seed";
import { freePort } from "../tests/helpers/app-server";
import { fill, groupByOverAnswers } from "./results-fill";

const SMALL = Number(process.env.BENCH_RESULTS_SMALL ?? 10_000);
const LARGE = Number(process.env.BENCH_RESULTS_LARGE ?? 500_000);
const ROUNDS = Number(process.env.BENCH_RESULTS_ROUNDS ?? 7);

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

async function startServer(path: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./bench/exit-on-sigterm.ts", "server.ts"], { env: { ...process.env, NODE_ENV: "production", DATABASE_URL: path, PORT: String(port), SMTP_URL: "" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(`localhost:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
  });
  return child;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bench-results-"));
  const path = join(dir, "bench.sqlite");
  try {
    const { db } = createDb(path);
    await migrateToLatest(db);
    await seedDemoTerritory(db, { withResponses: true });
    await db.destroy();
    const sqlite = new Database(path);
    sqlite.pragma("journal_mode = WAL");
    const campaigns = sqlite.prepare("select id from campaign order by created_at").all().map((r) => (r as { id: string }).id);
    const [smallId, largeId] = campaigns;
    if (!smallId || !largeId) throw new Error("the demo has two campaigns");
    for (const id of [smallId, largeId]) {
      sqlite.prepare("delete from count_cell where campaign_id = ?").run(id);
      sqlite.prepare("delete from answer where response_id in (select id from response where campaign_id = ?)").run(id);
      sqlite.prepare("delete from response where campaign_id = ?").run(id);
    }
    const started = performance.now();
    fill(sqlite, smallId, SMALL);
    fill(sqlite, largeId, LARGE);
    console.log(`Seeded ${SMALL} and ${LARGE} responses in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const groupBy = [smallId, largeId].map((id) => median(Array.from({ length: 3 }, () => groupByOverAnswers(sqlite, id))));
    sqlite.close();

    const port = await freePort();
    const server = await startServer(path, port);
    try {
      const login = await fetch(`http://localhost:${port}/login`, { method: "POST", body: new URLSearchParams({ email: "elu@demo.fr", password: "demo-demo-demo" }), redirect: "manual" });
      const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const timePage = async (id: string) => {
        const started = performance.now();
        const response = await fetch(`http://localhost:${port}/campaigns/${id}/results`, { headers: { cookie } });
        await response.text();
        if (response.status !== 200) throw new Error(`results page answered ${response.status}`);
        return performance.now() - started;
      };
      // Rounds alternate between the two campaigns, so a busy moment of the machine weighs on both.
      await timePage(smallId);
      await timePage(largeId); // the first requests warm the server up
      const times = { small: [] as number[], large: [] as number[] };
      for (let round = 1; round < ROUNDS; round++) {
        times.small.push(await timePage(smallId));
        times.large.push(await timePage(largeId));
      }
      const small = median(times.small);
      const large = median(times.large);
      console.log(`Results page, median server time of the HTTP GET (${ROUNDS - 1} rounds):`);
      console.log(`  ${SMALL} responses: ${small.toFixed(0)} ms   (GROUP BY over raw answers: ${(groupBy[0] ?? 0).toFixed(0)} ms)`);
      console.log(`  ${LARGE} responses: ${large.toFixed(0)} ms   (GROUP BY over raw answers: ${(groupBy[1] ?? 0).toFixed(0)} ms)`);
      console.log(`  ratio ${LARGE} / ${SMALL}: ${(large / small).toFixed(2)} (target ≤ 1.2); GROUP BY ratio: ${((groupBy[1] ?? 0) / (groupBy[0] ?? 1)).toFixed(1)}`);
    } finally {
      server.kill("SIGTERM");
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
