import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/connection";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { startSmtpServer, type SmtpServer } from "../helpers/smtp-server";

// The real server with SMTP_URL and LOG_LEVEL=info: the worker in its process delivers what a
// request queued; /healthz; the access log's lines say what they must and nothing else.

type LogLine = { level: number; msg: string; reqId?: string; method?: string; route?: string; status?: number; ms?: number };

describe("operations over HTTP", () => {
  let server: AppServer;
  let smtp: SmtpServer;
  let db: Db;
  const logLines = (): LogLine[] =>
    server
      .output()
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as LogLine);

  beforeAll(async () => {
    smtp = await startSmtpServer({ failFirst: 1 });
    server = await startAppServer({ LOG_LEVEL: "info", SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, OUTBOX_FIRST_RETRY_MS: "200", OUTBOX_RATE_PER_SECOND: "50" });
    db = createDb(server.dbPath).db;
  });
  afterAll(async () => {
    await db.destroy();
    await server.stop();
    await smtp.close();
  });

  it("GET /healthz says the database answers, its migrations are current, and the outbox backlog, in JSON without secrets", async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: "ok", database: "ok", migrations: { current: true }, outbox: { pending: 0, failed: 0, uncertain: 0 } });
    expect(text).not.toMatch(/sqlite|smtp|127\.0\.0\.1|secret/i);
  });

  it("a request only queues an e-mail; the server's worker delivers it, once, after a passing SMTP failure", async () => {
    const response = await fetch(`${server.url}/forgot-password`, { method: "POST", body: new URLSearchParams({ email: "elu@demo.fr" }), headers: { origin: server.url }, redirect: "manual" });
    expect(response.status).toBeLessThan(500);
    const deadline = Date.now() + 30_000;
    while (smtp.received.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(smtp.refusedMail()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]!.to.join()).toContain("elu@demo.fr");
    const row = await db.selectFrom("outbox_message").select(["status", "attempts"]).where("kind", "=", "password_reset").executeTakeFirstOrThrow();
    expect(row).toEqual({ status: "sent", attempts: 2 });
  });

  it("logs request id, method, route pattern, status and duration; never an address, a code or a token; nothing for a survey", async () => {
    const login = await fetch(`${server.url}/login`);
    const reqId = login.headers.get("x-request-id");
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    const link = await db.selectFrom("invitation").select("code").where("kind", "=", "open_link").executeTakeFirstOrThrow();
    const started = await fetch(`${server.url}/s/${link.code}`, { method: "POST", body: new URLSearchParams(), headers: { origin: server.url }, redirect: "manual" });
    const resume = started.headers.get("location")?.split("/")[2] ?? "";
    expect(resume).not.toBe("");
    await fetch(`${server.url}/r/${resume}`);
    await fetch(`${server.url}/r/${resume}/envoyer`, { method: "POST", body: new URLSearchParams({ intent: "submit" }), headers: { origin: server.url }, redirect: "manual" });
    await fetch(`${server.url}/reset-password/SECRETTOKEN123`);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const lines = logLines();
    const loginLine = lines.find((l) => l.reqId === reqId);
    expect(loginLine).toMatchObject({ msg: "request", method: "GET", route: "/login", status: 200 });
    expect(typeof loginLine?.ms).toBe("number");
    expect(lines.find((l) => l.route === "/reset-password/:token")).toBeDefined();
    expect(lines.filter((l) => l.msg === "request" && /^\/(s|r|a)(\/|$)/.test(l.route ?? ""))).toEqual([]);
    const raw = lines.map((l) => JSON.stringify(l)).join("\n");
    for (const secret of ["elu@demo.fr", link.code, resume, "SECRETTOKEN123", "127.0.0.1", "::1"]) expect(raw).not.toContain(secret);
    expect(lines.some((l) => l.msg === "e-mail sent")).toBe(true);
  });
});
