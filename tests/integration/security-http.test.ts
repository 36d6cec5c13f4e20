import { request as httpRequest, Agent } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/connection";
import { localeCookie } from "../../app/i18n/locale.server";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { demoFacts } from "../helpers/db";
import { dataPath, signInCookie } from "../helpers/http";

type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string; ms: number };

/** One request with node:http (headers fetch would not send, a body that lies about its length). */
function raw(url: string, options: { method?: string; headers?: Record<string, string | number>; body?: Buffer | string; agent?: Agent; timeoutMs?: number } = {}): Promise<RawResponse> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: Date.now() - started }));
    });
    req.setTimeout(options.timeoutMs ?? 8_000, () => req.destroy(new Error(`no answer from ${url} within ${options.timeoutMs ?? 8_000} ms`)));
    req.on("error", reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

describe("security over HTTP", () => {
  let server: AppServer;
  let db: Db;
  let cookie: string;
  let campaignId: string;
  let openCode: string;
  const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const formType = { "Content-Type": "application/x-www-form-urlencoded" };

  beforeAll(async () => {
    server = await startAppServer({ DEMO_RESPONSES: "1" });
    db = createDb(server.dbPath).db;
    cookie = await signInCookie(server.url, "elu@demo.fr", "demo-demo-demo");
    const { territory } = await demoFacts(db);
    campaignId = (await db.selectFrom("campaign").select("id").where("territory_id", "=", territory.id).executeTakeFirstOrThrow()).id;
    openCode = (await db.selectFrom("invitation").select("code").where("campaign_id", "=", campaignId).where("kind", "=", "open_link").executeTakeFirstOrThrow()).code;
  });
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  it("sign-in and the language switch never redirect to another site", async () => {
    for (const redirectTo of ["/\\evil.example/x", "/%09/evil.example", "//evil.example"]) {
      const response = await fetch(`${server.url}/login`, { method: "POST", body: new URLSearchParams({ email: "elu@demo.fr", password: "demo-demo-demo", redirectTo }), redirect: "manual" });
      expect(response.status, redirectTo).toBe(302);
      expect(response.headers.get("location"), redirectTo).toBe("/dashboard");
    }
    for (const redirectTo of ["/\\evil.example/x", "/%09/evil.example", "/\t/evil.example", "https://evil.example"]) {
      const response = await fetch(`${server.url}/lang`, { method: "POST", body: new URLSearchParams({ lang: "en", redirectTo }), redirect: "manual" });
      expect(response.headers.get("location"), redirectTo).toBe("/");
    }
  });

  it("refuses a body over the route's limit with 413 before reading it, and the connection's next request does not wait", async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    // Announces 300 MB, sends 1 MB: the answer must come without the rest.
    const huge = await raw(`${server.url}/login`, { method: "POST", agent, headers: { ...formType, "Content-Length": 300_000_000 }, body: Buffer.alloc(1_000_000, "a") });
    expect(huge.status).toBe(413);
    expect(huge.body).toContain("Envoi trop volumineux");
    const next = await raw(`${server.url}/login`, { agent, timeoutMs: 3_000 });
    expect(next.status).toBe(200);
    agent.destroy();
    // Chunked (no Content-Length): counted as it arrives.
    const chunked = await raw(`${server.url}/login`, { method: "POST", headers: { ...formType, "Transfer-Encoding": "chunked" }, body: Buffer.alloc(1_000_000, "a") });
    expect(chunked.status).toBe(413);
    const submit = await raw(`${server.url}/r/ABCDEFGH/envoyer`, { method: "POST", headers: { ...formType, "Content-Length": 100_000_000 }, body: Buffer.alloc(100_000, "a") });
    expect(submit.status).toBe(413);
    // An upload route takes more than a form: a 300 KB CSV reaches the import (which explains what is wrong with it).
    const boundary = "----x";
    const csv = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="l.csv"\r\nContent-Type: text/csv\r\n\r\nemail;groupe\n${"a@b.fr;residents\n".repeat(18_000)}\r\n--${boundary}--\r\n`;
    const upload = await raw(`${server.url}/campaigns/${campaignId}/invitations/import`, { method: "POST", headers: { cookie, origin: server.url, "Content-Type": `multipart/form-data; boundary=${boundary}` }, body: csv });
    expect(upload.status).not.toBe(413);
    expect(upload.status).toBeLessThan(500);
  });

  it("refuses a cross-site post with 403, even with the admin's cookie and as a data request (.data), and changes nothing", async () => {
    const evil = { cookie, origin: "https://evil.example", ...formType };
    const invite = await raw(`${server.url}${dataPath("/members")}`, { method: "POST", headers: evil, body: form({ email: "victim@evil.example", role: "admin" }) });
    expect(invite.status).toBe(403);
    expect(invite.body).toContain("Requête refusée");
    expect(await db.selectFrom("member_invitation").select("id").where("email", "=", "victim@evil.example").execute()).toEqual([]);
    const { territory } = await demoFacts(db);
    const attempts: [string, string][] = [
      ["/logout", ""],
      ["/lang", form({ lang: "en" })],
      ["/territory", form({ territoryId: territory.id })],
      ["/projects", form({ name: "Projet imposé" })],
      [`/r/ABCDEFGH/envoyer`, form({ intent: "submit" })],
      [`/s/${openCode}`, ""],
    ];
    for (const [path, body] of attempts) expect((await raw(`${server.url}${path}`, { method: "POST", headers: evil, body })).status, path).toBe(403);
    // Sec-Fetch-Site when Origin is missing; a cookie with neither is refused too.
    expect((await raw(`${server.url}/projects`, { method: "POST", headers: { cookie, "Sec-Fetch-Site": "cross-site", ...formType }, body: form({ name: "Projet imposé" }) })).status).toBe(403);
    expect((await raw(`${server.url}/projects`, { method: "POST", headers: { cookie, ...formType }, body: form({ name: "Projet imposé" }) })).status).toBe(403);
    expect(await db.selectFrom("project").select("id").where("name", "=", "Projet imposé").execute()).toEqual([]);
    // Still signed in: the cross-site /logout did nothing.
    expect((await fetch(`${server.url}/dashboard`, { headers: { cookie }, redirect: "manual" })).status).toBe(200);
    // In English when the language cookie says so.
    const english = await raw(`${server.url}/projects`, { method: "POST", headers: { ...evil, cookie: `${cookie}; ${(await localeCookie.serialize("en")).split(";")[0]}` }, body: form({ name: "x" }) });
    expect(english.body).toContain("Request refused");
    // The site's own pages still post.
    const own = await raw(`${server.url}/projects`, { method: "POST", headers: { cookie, origin: server.url, ...formType }, body: form({ name: "Projet de la commune" }) });
    expect(own.status).toBeLessThan(400);
    expect(await db.selectFrom("project").select("id").where("name", "=", "Projet de la commune").execute()).toHaveLength(1);
  });

  it("puts the security headers on every kind of response, and no-store on everything but static files", async () => {
    const page = await raw(`${server.url}/login`);
    const asset = /href="(\/build\/[^"]+\.css)"/.exec(page.body)?.[1];
    expect(asset).toBeTruthy();
    const start = await raw(`${server.url}/s/${openCode}`, { method: "POST", headers: formType, body: "" });
    const resume = String(start.headers.location);
    const kinds: [string, Promise<RawResponse>][] = [
      ["page", Promise.resolve(page)],
      ["member page", raw(`${server.url}/campaigns/${campaignId}/results`, { headers: { cookie } })],
      ["loader JSON", raw(`${server.url}${dataPath(`/campaigns/${campaignId}`, "routes/campaigns.$campaignId._index")}`, { headers: { cookie } })],
      ["redirect", raw(`${server.url}/dashboard`)],
      ["survey start redirect", Promise.resolve(start)],
      ["survey welcome", raw(`${server.url}/s/${openCode}`)],
      ["survey step", raw(`${server.url}${resume}`)],
      ["download", raw(`${server.url}/campaigns/${campaignId}/invitations/export`, { headers: { cookie } })],
      ["survey submit endpoint", raw(`${server.url}/r/ABCDEFGH/envoyer`, { method: "POST", headers: formType, body: "intent=submit" })],
      ["not found", raw(`${server.url}/nope`)],
      ["403 refusal", raw(`${server.url}/projects`, { method: "POST", headers: { cookie, origin: "https://evil.example", ...formType }, body: "" })],
      ["413 refusal", raw(`${server.url}/login`, { method: "POST", headers: { ...formType, "Content-Length": 10_000_000 }, body: "a" })],
      ["400 refusal", raw(`${server.url}/s/%00%00`, { method: "POST", headers: formType, body: "" })],
    ];
    for (const [kind, pending] of kinds) {
      const { headers, status } = await pending;
      expect(status, kind).toBeGreaterThan(0);
      expect(headers["content-security-policy"], kind).toMatch(/frame-ancestors 'none'/);
      expect(headers["content-security-policy"], kind).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      expect(headers["referrer-policy"], kind).toBe("same-origin");
      expect(headers["x-content-type-options"], kind).toBe("nosniff");
      expect(headers["cache-control"], kind).toMatch(/^no-store(, no-store)?$/);
    }
    for (const path of [asset, "/favicon.svg"]) {
      const file = await raw(`${server.url}${path}`);
      expect(file.status, path).toBe(200);
      expect(file.headers["content-security-policy"], path).toMatch(/frame-ancestors 'none'/);
      expect(file.headers["cache-control"], path).toMatch(/max-age=\d+/);
    }
    // The page's inline scripts carry the nonce of its own header.
    const nonce = /'nonce-([^']+)'/.exec(String(page.headers["content-security-policy"]))?.[1];
    const scripts = [...page.body.matchAll(/<script([^>]*)>/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const attributes of scripts) if (!attributes?.includes("src=")) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it("answers a malformed request with 400, 413 or 415 and a short message, never a 500", async () => {
    const same = { cookie, origin: server.url };
    const cases: [string, { method?: string; headers?: Record<string, string | number>; body?: string }][] = [
      ["/s/%00%00", { method: "POST", headers: { ...formType }, body: "" }],
      ["/r/%00", {}],
      ["/login", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"email":"a@b.fr"}' }],
      ["/login", { method: "POST", body: "email=a" }],
      ["/login", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=zz" }, body: "not multipart at all" }],
      ["/projects", { method: "POST", headers: { ...same, "Content-Type": "multipart/form-data" }, body: "--\r\n" }],
      ["/projects", { method: "POST", headers: { ...same, "Content-Type": "text/plain" }, body: "name=x" }],
      [`/campaigns/${campaignId}/invitations/import`, { method: "POST", headers: { ...same, "Content-Type": "multipart/form-data; boundary=zz" }, body: "--zz\r\nbroken" }],
      ["/frameworks", { method: "POST", headers: { ...same, "Content-Type": "multipart/form-data; boundary=zz" }, body: "--zz\r\nContent-Disposition: form-data; name=\"file\"" }],
    ];
    for (const [path, options] of cases) {
      const response = await raw(`${server.url}${path}`, options);
      expect([400, 413, 415], `${options.method ?? "GET"} ${path}: ${response.status}`).toContain(response.status);
    }
    const page = await raw(`${server.url}/login`, { method: "POST", headers: { "Content-Type": "application/json" }, body: "{}" });
    expect(page.body).toContain("Format non pris en charge");
  });

  it("serves pages full of accented text without a single NUL byte", async () => {
    const { territory } = await demoFacts(db);
    const frameworks = await db.selectFrom("framework").select("id").where((eb) => eb.or([eb("territory_id", "=", territory.id), eb("territory_id", "is", null)])).execute();
    const start = await raw(`${server.url}/s/${openCode}`, { method: "POST", headers: formType, body: "" });
    const resume = String(start.headers.location);
    const paths = [
      "/frameworks",
      ...frameworks.map((f) => `/frameworks/${f.id}`),
      `/campaigns/${campaignId}`,
      `/campaigns/${campaignId}/results`,
      `/campaigns/${campaignId}/participation`,
      `/s/${openCode}`,
      ...[1, 2, 3, 4, 5, 6].map((step) => `${resume}?step=${step}`),
    ];
    for (const path of paths) {
      const response = await fetch(`${server.url}${path}`, { headers: { cookie } });
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect(response.status, path).toBe(200);
      expect(bytes.indexOf(0), `NUL byte in ${path}`).toBe(-1);
    }
  });
});
