// `npm run bench:results` (also run by `npm run bench`): the results page's server time does
// not grow with responses. The demo's newer closed campaign gets 10 000 responses in one copy of
// the database and 500 000 in another (count cells and raw answers written directly in SQL,
// bench only); the results page is fetched from both servers in alternated rounds (median
// server time of the HTTP GET), next to the same figures computed by GROUP BY over the raw
// answers. Options: BENCH_RESULTS_SMALL (10000), BENCH_RESULTS_LARGE (500000),
// BENCH_RESULTS_ROUNDS (13).
import { type ChildProcess, spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
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
const ROUNDS = Number(process.env.BENCH_RESULTS_ROUNDS ?? 13);

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

/** Empties a campaign of its responses, answers and count cells (bench only). */
function clearCampaign(sqlite: Database.Database, campaignId: string) {
  sqlite.prepare("delete from count_cell where campaign_id = ?").run(campaignId);
  sqlite.prepare("delete from answer where response_id in (select id from response where campaign_id = ?)").run(campaignId);
  sqlite.prepare("delete from response where campaign_id = ?").run(campaignId);
}

/**
 * The same campaign at two sizes, in two copies of one database: the demo's newer campaign
 * (whose page also reads the older one, for trends) gets SMALL responses in one file and LARGE
 * in the other. Everything but the number of responses is identical, so the ratio says only
 * what responses cost (two different campaigns would differ in their trend work too).
 */
async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bench-results-"));
  const paths = { small: join(dir, "small.sqlite"), large: join(dir, "large.sqlite") };
  const servers: ChildProcess[] = [];
  try {
    const { db } = createDb(paths.small);
    await migrateToLatest(db);
    await seedDemoTerritory(db, { withResponses: true });
    await db.destroy();
    let sqlite = new Database(paths.small);
    const campaigns = sqlite.prepare("select id from campaign order by created_at").all().map((r) => (r as { id: string }).id);
    const campaignId = campaigns[campaigns.length - 1];
    if (!campaignId || campaigns.length < 2) throw new Error("the demo has two campaigns");
    let started = performance.now();
    clearCampaign(sqlite, campaignId);
    fill(sqlite, campaignId, SMALL);
    sqlite.pragma("wal_checkpoint(TRUNCATE)");
    sqlite.close();
    copyFileSync(paths.small, paths.large);
    sqlite = new Database(paths.large);
    clearCampaign(sqlite, campaignId);
    fill(sqlite, campaignId, LARGE);
    sqlite.close();
    console.log(`Seeded ${SMALL} and ${LARGE} responses in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const groupBy = [paths.small, paths.large].map((path) => {
      const file = new Database(path, { readonly: true });
      const time = median(Array.from({ length: 3 }, () => groupByOverAnswers(file, campaignId)));
      file.close();
      return time;
    });

    const sides = await Promise.all(
      (["small", "large"] as const).map(async (side) => {
        const port = await freePort();
        servers.push(await startServer(paths[side], port));
        const login = await fetch(`http://localhost:${port}/login`, { method: "POST", body: new URLSearchParams({ email: "elu@demo.fr", password: "demo-demo-demo" }), redirect: "manual" });
        return { port, cookie: (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "" };
      }),
    );
    const timePage = async ({ port, cookie }: { port: number; cookie: string }) => {
      started = performance.now();
      const response = await fetch(`http://localhost:${port}/campaigns/${campaignId}/results`, { headers: { cookie } });
      await response.text();
      if (response.status !== 200) throw new Error(`results page answered ${response.status}`);
      return performance.now() - started;
    };
    const [smallSide, largeSide] = sides;
    if (!smallSide || !largeSide) throw new Error("two servers");
    // The first requests warm each server up; then rounds alternate, so a busy moment of the machine weighs on both.
    await timePage(smallSide);
    await timePage(largeSide);
    const times = { small: [] as number[], large: [] as number[] };
    for (let round = 1; round < ROUNDS; round++) {
      times.small.push(await timePage(smallSide));
      times.large.push(await timePage(largeSide));
    }
    const small = median(times.small);
    const large = median(times.large);
    console.log(`Results page of the same campaign, median server time of the HTTP GET (${ROUNDS - 1} alternated rounds):`);
    console.log(`  ${SMALL} responses: ${small.toFixed(0)} ms   (GROUP BY over raw answers: ${(groupBy[0] ?? 0).toFixed(0)} ms)`);
    console.log(`  ${LARGE} responses: ${large.toFixed(0)} ms   (GROUP BY over raw answers: ${(groupBy[1] ?? 0).toFixed(0)} ms)`);
    console.log(`  ratio ${LARGE} / ${SMALL}: ${(large / small).toFixed(2)} (target ≤ 1.2); GROUP BY ratio: ${((groupBy[1] ?? 0) / (groupBy[0] ?? 1)).toFixed(1)}`);
  } finally {
    for (const server of servers) server.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
