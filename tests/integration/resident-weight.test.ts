import { readdirSync, readFileSync, statSync } from "node:fs";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { fetchOnWire, pageWeight, residentSurveyWeights, WEIGHT_BUDGET_BYTES } from "../helpers/page-weight";

// Issue #15: every resident survey page weighs at most 30 KB on a first visit (HTML, CSS,
// scripts, compressed), and every text response of the real server is compressed. The bytes
// per page are printed by `npm run bench` (bench/resident-weight.ts).

let server: AppServer;
beforeAll(async () => {
  // The demo with its sample answers holds a workshop, for the phone pages.
  server = await startAppServer({ DEMO_RESPONSES: "1" });
}, 90_000);
afterAll(async () => {
  await server?.stop();
});

function readOne(query: string): string {
  const sqlite = new Database(server.dbPath, { readonly: true });
  try {
    return (sqlite.prepare(query).get() as { code: string }).code;
  } finally {
    sqlite.close();
  }
}
const residentsLink = () => readOne("select code from invitation where kind = 'open_link' and group_id = 'residents' order by created_at desc");

describe("resident pages weight and compression", () => {
  it("every survey page, from the code entry to the thank-you page, is at most 30 KB on a first visit", async () => {
    const weights = await residentSurveyWeights(server.url, residentsLink());
    expect(weights.map((w) => w.name)).toEqual(["code entry", "welcome", "screening question", "question", "review", "thank-you"]);
    for (const page of weights) {
      expect(page.bytes, `${page.name} (${page.path})`).toBeLessThanOrEqual(WEIGHT_BUDGET_BYTES);
      // No React runtime: the one script is the offline-safe form script.
      expect(page.files.map((f) => f.url).filter((url) => url.endsWith(".js"))).toEqual(["/offline-forms.js"]);
    }
  }, 60_000);

  it("the workshop phone pages (code entry, join and vote) are as light: no React runtime either", async () => {
    const joinCode = readOne("select join_code as code from workshop");
    for (const page of [await pageWeight(server.url, "workshop: enter code", "/a"), await pageWeight(server.url, "workshop: join", `/a/${joinCode}`)]) {
      expect(page.bytes, page.path).toBeLessThanOrEqual(WEIGHT_BUDGET_BYTES);
      expect(page.files.map((f) => f.url).filter((url) => url.endsWith(".js"))).toEqual(["/offline-forms.js"]);
    }
  }, 60_000);

  it("pages, style sheets and the app's scripts come compressed (brotli or gzip) and decompress to the same bytes", async () => {
    // The largest script (hundreds of KB): the compressor fills up, so back-pressure is exercised.
    const [script] = readdirSync("public/build/_shared").sort((a, b) => statSync(`public/build/_shared/${b}`).size - statSync(`public/build/_shared/${a}`).size);
    const original = readFileSync(`public/build/_shared/${script}`);
    expect(original.byteLength).toBeGreaterThan(100_000);
    const url = `${server.url}/build/_shared/${script}`;
    for (const accept of ["br", "gzip"]) {
      const response = await fetch(url, { headers: { "Accept-Encoding": accept } });
      expect(response.headers.get("content-encoding")).toBe(accept);
      expect(response.headers.get("vary")).toMatch(/Accept-Encoding/);
      // fetch decodes by itself: compare what it decoded, and the wire size through node:http.
      expect(Buffer.from(await response.arrayBuffer()).equals(original)).toBe(true);
    }
    const onWire = await fetchOnWire(url);
    expect(onWire.wireBytes).toBeLessThan(original.byteLength / 2);
    // A client that accepts no encoding gets the file as it is.
    const plain = await fetch(url, { headers: { "Accept-Encoding": "identity" } });
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(original)).toBe(true);

    const page = await fetchOnWire(`${server.url}/s`);
    expect(page.headers["content-encoding"]).toMatch(/^(br|gzip)$/);
    expect(page.text).toContain("<html");
  }, 60_000);
});
