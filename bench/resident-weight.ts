// `npm run bench` (part): bytes a resident's phone downloads on a first visit of each
// resident-facing page — HTML, style sheets, scripts, icon, compressed, headers included —
// against the 30 KB target of issue #15. The real server on the demo (with its workshop).
import { createDb } from "../db/connection";
import { startAppServer } from "../tests/helpers/app-server";
import { pageWeight, type PageWeight, residentSurveyWeights, WEIGHT_BUDGET_BYTES } from "../tests/helpers/page-weight";

const server = await startAppServer({ DEMO_RESPONSES: "1" });
try {
  const { db } = createDb(server.dbPath);
  const link = await db.selectFrom("invitation").select("code").where("kind", "=", "open_link").where("group_id", "=", "residents").orderBy("created_at", "desc").executeTakeFirstOrThrow();
  const workshop = await db.selectFrom("workshop").select("join_code").executeTakeFirst();
  await db.destroy();
  const weights: PageWeight[] = await residentSurveyWeights(server.url, link.code);
  weights.push(await pageWeight(server.url, "workshop: enter code", "/a"));
  if (workshop) weights.push(await pageWeight(server.url, "workshop: join and vote", `/a/${workshop.join_code}`));
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  console.log(`\nResident pages, first visit, compressed (target ≤ ${kb(WEIGHT_BUDGET_BYTES)})`);
  for (const w of weights) {
    const verdict = w.bytes <= WEIGHT_BUDGET_BYTES ? "ok" : "OVER";
    console.log(`  ${w.name.padEnd(24)} ${kb(w.bytes).padStart(9)}  ${verdict.padEnd(4)}  ${w.files.length} files  ${w.path.replace(/\/(s|r|a)\/[A-Z0-9]+/, "/$1/…")}`);
  }
} finally {
  await server.stop();
}
