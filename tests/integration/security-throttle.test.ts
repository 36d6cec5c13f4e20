import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppServer, startAppServer } from "../helpers/app-server";

/** A sign-in from a chosen loopback address (127.0.0.x), as from another computer. */
function signInFrom(url: string, localAddress: string, email: string, password: string): Promise<{ status: number; body: string; retryAfter?: string }> {
  const body = new URLSearchParams({ email, password }).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}/login`, { method: "POST", localAddress, headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body) } }, (res) => {
      let text = "";
      res.on("data", (c: Buffer) => (text += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text, retryAfter: res.headers["retry-after"] }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("sign-in brute force", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("after 100 wrong passwords the right one is refused with 429; another account from another address is unaffected", { timeout: 120_000 }, async () => {
    const url = server.url.replace("localhost", "127.0.0.1");
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await signInFrom(url, "127.0.0.1", "asso@demo.fr", `wrong-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([400, 400, 400, 400, 400]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);
    const right = await signInFrom(url, "127.0.0.1", "asso@demo.fr", "demo-demo-demo");
    expect(right.status).toBe(429);
    expect(right.body).toMatch(/Trop de tentatives, réessayez dans \d+ minutes?/);
    expect(Number(right.retryAfter)).toBeGreaterThan(0);
    // An account that does not exist gets the very same answers.
    const ghost: number[] = [];
    for (let i = 0; i < 7; i++) ghost.push((await signInFrom(url, "127.0.0.3", "personne@nulle-part.fr", `wrong-${i}`)).status);
    expect(ghost).toEqual([400, 400, 400, 400, 400, 429, 429]);
    const other = await signInFrom(url, "127.0.0.2", "elu@demo.fr", "demo-demo-demo");
    expect(other.status).toBe(302);
  });

  it("one address trying many accounts is slowed down too", { timeout: 120_000 }, async () => {
    const url = server.url.replace("localhost", "127.0.0.1");
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++) statuses.push((await signInFrom(url, "127.0.0.4", `personne${i}@demo.fr`, "wrong")).status);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    // A success elsewhere does not lift that address's wait.
    expect((await signInFrom(url, "127.0.0.4", "elu@demo.fr", "demo-demo-demo")).status).toBe(429);
  });
});
