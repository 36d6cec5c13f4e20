import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/connection";
import { createTerritoryWithAdmin } from "../../app/modules/accounts/territories.server";
import { sha256 } from "../../app/lib/ids";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { signInCookie } from "../helpers/http";

describe("forgotten password over HTTP", () => {
  let server: AppServer;
  let db: Db;

  beforeAll(async () => {
    server = await startAppServer();
    db = createDb(server.dbPath).db;
    for (const name of ["reset", "expired", "throttle"]) {
      await createTerritoryWithAdmin(db, { slug: `commune-${name}`, name: `Commune ${name}`, kind: "commune", admin: { email: `${name}@mairie.fr`, displayName: `Élu ${name}`, password: "ancien-mot-de-passe" } });
    }
  });
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  const ask = (email: string) => fetch(`${server.url}/forgot-password`, { method: "POST", headers: { origin: server.url }, body: new URLSearchParams({ email }) });
  const resetMails = (to: string) => db.selectFrom("outbox_message").select(["text_body", "territory_id"]).where("kind", "=", "password_reset").where("to_address", "=", to).execute();
  const linkIn = (text: string) => {
    const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(text);
    if (!match?.[1]) throw new Error(`no reset link in: ${text}`);
    return match[1];
  };

  it("answers the same for a known and an unknown address, and only the known one gets a link in the outbox", async () => {
    const known = await ask("reset@mairie.fr");
    const unknown = await ask("personne@nulle-part.fr");
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    // The page's main content is the same, byte for byte (only the script nonce differs).
    const main = async (response: Response) => /<main[\s\S]*<\/main>/.exec(await response.text())?.[0];
    const [knownMain, unknownMain] = [await main(known), await main(unknown)];
    expect(knownMain).toContain("Si un compte existe avec cette adresse");
    expect(knownMain).toBe(unknownMain);
    expect(await resetMails("reset@mairie.fr")).toHaveLength(1);
    expect(await resetMails("personne@nulle-part.fr")).toHaveLength(0);
  });

  it("stores only the hash of the link's token", async () => {
    const [mail] = await resetMails("reset@mairie.fr");
    const token = linkIn(mail?.text_body ?? "");
    const rows = await db.selectFrom("password_reset").select("token_hash").execute();
    expect(rows.map((r) => r.token_hash)).toContain(sha256(token));
    expect(rows.map((r) => r.token_hash)).not.toContain(token);
  });

  it("the link sets a new password once, signs the person out everywhere, and the old password stops working", async () => {
    const oldSession = await signInCookie(server.url, "reset@mairie.fr", "ancien-mot-de-passe");
    expect((await fetch(`${server.url}/dashboard`, { headers: { cookie: oldSession }, redirect: "manual" })).status).toBe(200);
    const [mail] = await resetMails("reset@mairie.fr");
    const token = linkIn(mail?.text_body ?? "");

    const page = await fetch(`${server.url}/reset-password/${token}`);
    expect(await page.text()).toContain("Choisir un nouveau mot de passe");
    const tooShort = await fetch(`${server.url}/reset-password/${token}`, { method: "POST", headers: { origin: server.url }, body: new URLSearchParams({ password: "court" }) });
    expect(tooShort.status).toBe(400);
    const done = await fetch(`${server.url}/reset-password/${token}`, { method: "POST", headers: { origin: server.url }, body: new URLSearchParams({ password: "nouveau-mot-de-passe" }), redirect: "manual" });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/login?passwordReset=1");

    // The session opened with the old password is over.
    const after = await fetch(`${server.url}/dashboard`, { headers: { cookie: oldSession }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/login/);
    const oldPassword = await fetch(`${server.url}/login`, { method: "POST", headers: { origin: server.url }, body: new URLSearchParams({ email: "reset@mairie.fr", password: "ancien-mot-de-passe" }), redirect: "manual" });
    expect(oldPassword.status).toBe(400);
    await signInCookie(server.url, "reset@mairie.fr", "nouveau-mot-de-passe");

    // A second use of the same link changes nothing.
    const again = await fetch(`${server.url}/reset-password/${token}`, { method: "POST", headers: { origin: server.url }, body: new URLSearchParams({ password: "troisieme-mot-de-passe" }) });
    expect(again.status).toBe(400);
    expect(await again.text()).toContain("Ce lien ne fonctionne plus");
    await signInCookie(server.url, "reset@mairie.fr", "nouveau-mot-de-passe");
  });

  it("an expired link no longer works", async () => {
    await ask("expired@mairie.fr");
    const [mail] = await resetMails("expired@mairie.fr");
    const token = linkIn(mail?.text_body ?? "");
    await db.updateTable("password_reset").set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where("token_hash", "=", sha256(token)).execute();
    expect(await (await fetch(`${server.url}/reset-password/${token}`)).text()).toContain("Ce lien ne fonctionne plus");
    const refused = await fetch(`${server.url}/reset-password/${token}`, { method: "POST", headers: { origin: server.url }, body: new URLSearchParams({ password: "nouveau-mot-de-passe" }) });
    expect(refused.status).toBe(400);
    await signInCookie(server.url, "expired@mairie.fr", "ancien-mot-de-passe");
  });

  it("repeated requests for one address are throttled like sign-in, and no more mails are queued", async () => {
    for (let i = 0; i < 3; i++) expect((await ask("throttle@mairie.fr")).status).toBe(200);
    const throttled = await ask("throttle@mairie.fr");
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get("retry-after")).toBe("60");
    expect(await resetMails("throttle@mairie.fr")).toHaveLength(3);
  });
});
