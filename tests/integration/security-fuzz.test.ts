import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createDb, type Db } from "../../db/connection";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { demoFacts } from "../helpers/db";
import { dataPath, signInCookie } from "../helpers/http";

// Every route of the build (its route manifest), every kind of malformed request, signed in and
// not: none may answer 5xx. Paths, bodies and headers are generated, not written by hand.

const manifestSchema = z.object({
  routes: z.record(z.string(), z.object({ id: z.string(), parentId: z.string().optional(), path: z.string().optional(), index: z.boolean().optional(), module: z.object({ action: z.unknown().optional() }).loose() })),
});

/** The routes of the built app (what `npm test` builds first), with their full URL patterns. */
async function routePatterns(): Promise<{ id: string; pattern: string; isAction: boolean; isIndex: boolean }[]> {
  const { routes } = manifestSchema.parse(await import(pathToFileURL(resolve("build/index.js")).href));
  const full = (id: string | undefined): string => {
    const route = id ? routes[id] : undefined;
    if (!route) return "";
    const parent = full(route.parentId);
    return route.path ? `${parent}/${route.path}` : parent;
  };
  return Object.values(routes)
    .filter((r) => r.id !== "root")
    .map((r) => ({ id: r.id, pattern: full(r.id) || "/", isAction: typeof r.module.action === "function", isIndex: r.index === true }));
}

const GARBAGE_PARAMS = ["%00%00", "x".repeat(300), "%C3%A9t%C3%A9%20'%22<b>..%2F"];

/** Malformed bodies: each is a Content-Type (or none) and the bytes sent under it. */
const BODIES: { name: string; type?: string; body: string }[] = [
  { name: "no type", body: "a=1" },
  { name: "empty form", type: "application/x-www-form-urlencoded", body: "" },
  { name: "json", type: "application/json", body: '{"intent":"x","email":"a@b.fr"}' },
  { name: "text/plain", type: "text/plain", body: "intent=x" },
  { name: "multipart without boundary", type: "multipart/form-data", body: "--x\r\n" },
  { name: "broken multipart", type: "multipart/form-data; boundary=zz", body: '--zz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nemail;groupe\n' },
  { name: "file where text is expected", type: "multipart/form-data; boundary=zz", body: '--zz\r\nContent-Disposition: form-data; name="intent"; filename="x.txt"\r\n\r\nx\r\n--zz\r\nContent-Disposition: form-data; name="redirectTo"; filename="y"\r\n\r\n/x\r\n--zz--\r\n' },
  {
    name: "form of nonsense",
    type: "application/x-www-form-urlencoded",
    body: new URLSearchParams([
      ["intent", "%00nonsense"],
      ["intent", "addPerson"],
      ["to", "published"],
      ["step", "-1"],
      ["value", "\u0000".repeat(10)],
      ["values", "x"],
      ["email", "a@b.fr\r\nBcc: c@d.fr"],
      ["role", "god"],
      ["territoryId", "../x"],
      ["count", "1e309"],
      ["cap", "NaN"],
      ["csv", '"unclosed;quote\n'],
      ["name", "é".repeat(20_000)],
      ["lang", "xx"],
      ["redirectTo", "/\\evil.example"],
    ]).toString(),
  },
];

describe("fuzz of every route", () => {
  let server: AppServer;
  let db: Db;
  const real: Record<string, string> = {};

  beforeAll(async () => {
    server = await startAppServer();
    db = createDb(server.dbPath).db;
    const { territory } = await demoFacts(db);
    const campaign = await db.selectFrom("campaign").select("id").where("territory_id", "=", territory.id).executeTakeFirstOrThrow();
    const link = await db.selectFrom("invitation").select("code").where("campaign_id", "=", campaign.id).where("kind", "=", "open_link").executeTakeFirstOrThrow();
    const framework = await db.selectFrom("framework").select("id").executeTakeFirstOrThrow();
    const started = await fetch(`${server.url}/s/${link.code}`, { method: "POST", body: new URLSearchParams(), redirect: "manual" });
    Object.assign(real, { campaignId: campaign.id, frameworkId: framework.id, code: link.code, resume: started.headers.get("location")?.split("/")[2] ?? "x", token: "x" });
  });
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  it("answers no malformed request with a 5xx, signed in or not", { timeout: 600_000 }, async () => {
    const routes = await routePatterns();
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    let sent = 0;
    const attempt = async (path: string, init: RequestInit) => {
      const response = await fetch(`${server.url}${path}`, { ...init, redirect: "manual" });
      await response.arrayBuffer();
      return response.status;
    };
    const send = async (path: string, init: RequestInit) => {
      sent++;
      try {
        // A kept-alive connection the server has just closed (after a refusal) can reset under
        // load: that is the client's race, so a reset is tried once more on a new connection.
        const status = await attempt(path, init).catch(() => attempt(path, init));
        if (status >= 500) failures.push(`${init.method ?? "GET"} ${path} → ${status}`);
      } catch (error) {
        failures.push(`${init.method ?? "GET"} ${path} → ${error instanceof Error ? error.message : String(error)}`);
      }
    };
    for (const route of routes) {
      // A fresh session per route: a route such as /logout ends the one it is given.
      const cookies = [undefined, await signInCookie(server.url, "elu@demo.fr", "demo-demo-demo"), "__session=forged%00value; lang=%FF"];
      const paths = [
        route.pattern.replace(/:(\w+)/g, (_m, name: string) => real[name] ?? "x"),
        ...GARBAGE_PARAMS.filter(() => route.pattern.includes(":")).map((garbage) => route.pattern.replace(/:(\w+)/g, garbage)),
      ];
      for (const path of paths) {
        for (const cookie of cookies) {
          const headers: Record<string, string> = cookie ? { cookie, origin: server.url } : { origin: server.url };
          await send(dataPath(`${path}?step=%00&version=-1&batch=x&poster=x&from=a&to=b`, route.id), { headers });
          await send(path, { headers: { ...headers, "Accept-Language": "\u00ff".repeat(3) } });
          if (!route.isAction) continue;
          for (const body of BODIES) {
            const withType = body.type ? { ...headers, "Content-Type": body.type } : headers;
            await send(path, { method: "POST", headers: withType, body: body.body });
            await send(dataPath(route.isIndex ? `${path}?index` : path), { method: "POST", headers: withType, body: body.body });
          }
        }
      }
    }
    expect(sent).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
  });
});
