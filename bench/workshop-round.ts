// `npm run bench:workshop` (also run by `npm run bench`): a workshop round on loopback. The real
// server (fresh SQLite file, demo territory) runs a workshop with its vote open and its board
// listening on the SSE stream; BENCH_WORKSHOP_PARTICIPANTS (300) phones arrive over
// BENCH_WORKSHOP_SPREAD_MS (5 000), each joins then votes (one in ten sends its vote twice, a
// double tap). Prints votes/s, the board's update delay (p50, p95; target p95 < 1 s: from a
// vote's acknowledgement to the first board event that counts it), and checks after the close
// that every vote was counted exactly once (votes, board, count cells). Needs the build.
import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { createDb } from "../db/connection";
import { migrateToLatest } from "../db/migrator";
import { seedDemoTerritory } from "../seed/seed";
import { freePort } from "../tests/helpers/app-server";
import { createWorkshop, getBoardState, listCampaignWorkshops } from "../app/modules/workshops/workshops.server";
import { startProcess, stopProcess } from "./processes";

const PARTICIPANTS = Number(process.env.BENCH_WORKSHOP_PARTICIPANTS ?? 300);
const SPREAD_MS = Number(process.env.BENCH_WORKSHOP_SPREAD_MS ?? 5_000);
const ROUND_LIMIT_MS = 10_000; // the issue's budget for everyone to join and vote
const INDICATOR = "pa_agir_quartier"; // agreement on five points
const VALUES = ["1", "2", "3", "4", "5", "dont_know"];

async function prepareDatabase(path: string) {
  const { db } = createDb(path);
  await migrateToLatest(db);
  await seedDemoTerritory(db);
  const campaign = await db.selectFrom("campaign").select(["id", "territory_id"]).where("state", "=", "open").executeTakeFirstOrThrow();
  const form = await listCampaignWorkshops(db, campaign.territory_id, campaign.id);
  const created = await createWorkshop(db, campaign.territory_id, campaign.id, { heldOn: "2026-12-05", place: "Gymnase", projectId: form.projects[0]?.id ?? "", groupIds: form.groups.map((g) => g.id), indicatorIds: [INDICATOR] });
  if (!created.ok) throw new Error(`workshop refused: ${JSON.stringify(created)}`);
  const board = await getBoardState(db, campaign.territory_id, created.id);
  await db.destroy();
  return { workshopId: created.id, joinCode: board.joinCode, campaignId: campaign.id, groupIds: form.groups.map((g) => g.id) };
}

type BoardEvent = { at: number; votes: number; joined: number };

/** Reads the board's event stream until aborted, timing each update as it arrives. */
async function listenToBoard(url: string, cookie: string, signal: AbortSignal, events: BoardEvent[]): Promise<void> {
  const response = await fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal });
  if (!response.ok || !response.body) throw new Error(`board stream answered ${response.status}`);
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const message = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = message.split("\n").find((line) => line.startsWith("data: "));
        if (!data) continue;
        const state = JSON.parse(data.slice(6)) as { votes: number; joined: number };
        events.push({ at: performance.now(), votes: state.votes, joined: state.joined });
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  }
}

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "bench-workshop-"));
  const path = join(dir, "bench.sqlite");
  const port = await freePort();
  const base = `http://localhost:${port}`;
  try {
    const workshop = await prepareDatabase(path);
    const server = await startProcess(["server.ts"], { NODE_ENV: "production", DATABASE_URL: path, PORT: String(port), SMTP_URL: "" }, `localhost:${port}`);
    try {
      const post = (pathname: string, fields: Record<string, string>, cookie = "") =>
        fetch(`${base}${pathname}`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { origin: base, cookie } });
      const login = await post("/login", { email: "elu@demo.fr", password: "demo-demo-demo" });
      const facilitator = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const opened = await post(`/workshops/${workshop.workshopId}`, { intent: "open" }, facilitator);
      if (opened.status !== 200) throw new Error(`opening the vote answered ${opened.status}`);

      const events: BoardEvent[] = [];
      const listening = new AbortController();
      const board = listenToBoard(`${base}/workshops/${workshop.workshopId}/events`, facilitator, listening.signal, events);
      while (events.length === 0) await new Promise((r) => setTimeout(r, 20));

      const sent = new Map<string, number>();
      const acks: number[] = [];
      const failures: string[] = [];
      const started = performance.now();
      const participant = async (i: number) => {
        await new Promise((r) => setTimeout(r, (i * SPREAD_MS) / PARTICIPANTS));
        const joined = await post(`/a/${workshop.joinCode}`, { intent: "join", groupId: workshop.groupIds[i % workshop.groupIds.length] ?? "" });
        const cookie = (joined.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
        if (joined.status !== 302 || !cookie) return void failures.push(`join ${joined.status}`);
        const value = VALUES[i % VALUES.length] ?? "dont_know";
        const times = i % 10 === 0 ? 2 : 1;
        for (let n = 0; n < times; n++) {
          const voted = await post(`/a/${workshop.joinCode}`, { intent: "vote", indicatorId: INDICATOR, value }, cookie);
          if (voted.status !== 302) return void failures.push(`vote ${voted.status}`);
        }
        acks.push(performance.now());
        sent.set(value, (sent.get(value) ?? 0) + 1);
      };
      await Promise.all(Array.from({ length: PARTICIPANTS }, (_, i) => participant(i)));
      const roundMs = performance.now() - started;
      // The board's last update may still be on its way (throttled at 100 ms).
      const settleUntil = performance.now() + 3_000;
      while ((events.at(-1)?.votes ?? 0) < acks.length && performance.now() < settleUntil) await new Promise((r) => setTimeout(r, 20));
      listening.abort();
      await board;

      // A vote's delay: from its acknowledgement (the k-th) to the first board event, arrived
      // after it, that counts at least k votes.
      acks.sort((a, b) => a - b);
      const delays = acks.map((ack, k) => {
        const seen = events.find((e) => e.at >= ack && e.votes >= k + 1);
        return seen ? seen.at - ack : Number.POSITIVE_INFINITY;
      });
      delays.sort((a, b) => a - b);

      const closed = await post(`/workshops/${workshop.workshopId}`, { intent: "close" }, facilitator);
      if (closed.status !== 200) throw new Error(`closing the vote answered ${closed.status}`);
      const { db } = createDb(path);
      const rows = await db.selectFrom("workshop_vote").select(["value", (eb) => eb.fn.countAll<number>().as("n")]).where("workshop_id", "=", workshop.workshopId).groupBy("value").execute();
      const cells = await db.selectFrom("count_cell").select(["value", "count"]).where("campaign_id", "=", workshop.campaignId).where("source", "=", "workshop").where("indicator_id", "=", INDICATOR).execute();
      await db.destroy();
      const stored = new Map(rows.map((r) => [r.value, Number(r.n)]));
      const counted = new Map<string, number>();
      for (const c of cells) if (c.value !== "*") counted.set(c.value, (counted.get(c.value) ?? 0) + c.count);
      const exactlyOnce = VALUES.every((v) => (sent.get(v) ?? 0) === (stored.get(v) ?? 0) && (sent.get(v) ?? 0) === (counted.get(v) ?? 0));
      const lastBoard = events.at(-1);

      const p50 = quantile(delays, 0.5);
      const p95 = quantile(delays, 0.95);
      // Every join and vote is a durable write (synchronous=FULL): on a busy machine its fsync dominates.
      console.log(`Workshop round: ${PARTICIPANTS} phones joined and voted over ${SPREAD_MS / 1000} s while the board listened (SSE), loopback; load average ${(loadavg()[0] ?? 0).toFixed(1)} on ${availableParallelism()} cores`);
      console.log(`  round ${(roundMs / 1000).toFixed(1)} s (limit ${ROUND_LIMIT_MS / 1000} s): ${roundMs <= ROUND_LIMIT_MS ? "OK" : "TOO SLOW"}; ${failures.length} failed requests${failures.length ? ` (${failures.slice(0, 3).join(", ")})` : ""}`);
      console.log(`  votes/s: ${(acks.length / (roundMs / 1000)).toFixed(1)} (arrival rate ${(PARTICIPANTS / (SPREAD_MS / 1000)).toFixed(0)}/s; one in ten votes sent twice)`);
      console.log(`  board update delay: p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms (target p95 < 1000 ms): ${p95 < 1000 ? "OK" : "MISSED"}; ${events.length} board events`);
      console.log(`  counted exactly once: ${exactlyOnce ? "yes" : "NO"} — ${acks.length} votes acknowledged, ${[...stored.values()].reduce((a, b) => a + b, 0)} stored, ${[...counted.values()].reduce((a, b) => a + b, 0)} in count cells, board last showed ${lastBoard?.votes ?? 0} votes and ${lastBoard?.joined ?? 0} joined`);
      if (!exactlyOnce || failures.length > 0) process.exitCode = 1;
    } finally {
      await stopProcess(server);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
