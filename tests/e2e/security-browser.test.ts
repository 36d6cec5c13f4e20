import { createServer, type Server } from "node:http";
import type { Browser, ConsoleMessage } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/connection";
import { type AppServer, freePort, startAppServer } from "../helpers/app-server";
import { hasChromium, launchBrowser, signIn } from "../helpers/browser";
import { demoFacts } from "../helpers/db";

describe.skipIf(!hasChromium)("security in Chromium", () => {
  let server: AppServer;
  let browser: Browser;
  let db: Db;
  let campaignId: string;
  let sibling: Server;
  let siblingUrl: string;

  beforeAll(async () => {
    server = await startAppServer({ DEMO_RESPONSES: "1" });
    browser = await launchBrowser();
    db = createDb(server.dbPath).db;
    const { territory } = await demoFacts(db);
    campaignId = (await db.selectFrom("campaign").select("id").where("territory_id", "=", territory.id).executeTakeFirstOrThrow()).id;
    // Another origin on the same machine (another port: the same "site" for SameSite cookies).
    const port = await freePort();
    siblingUrl = `http://localhost:${port}`;
    sibling = createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
      res.end(
        `<!DOCTYPE html><html lang="fr"><title>Piège</title><form method="post" action="${server.url}/projects"><input name="name" value="Projet imposé par un autre site"><button>Gagner un lot</button></form></html>`,
      );
    });
    await new Promise<void>((resolve) => sibling.listen(port, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise((resolve) => sibling?.close(resolve));
    await db?.destroy();
    await browser?.close();
    await server?.stop();
  });

  it("a page of another origin posting a form to the app with the member's session creates nothing", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, "elu@demo.fr", "demo-demo-demo");
    await page.goto(siblingUrl);
    await page.getByRole("button", { name: "Gagner un lot" }).click();
    await page.getByRole("heading", { name: "Requête refusée" }).waitFor();
    expect(await db.selectFrom("project").select("id").where("name", "=", "Projet imposé par un autre site").execute()).toEqual([]);
    // The same form on the app's own page still works.
    await page.goto(`${server.url}/projects`);
    await page.getByLabel("Nom", { exact: true }).fill("Projet de la commune");
    await page.getByRole("button", { name: "Ajouter un projet" }).click();
    await page.getByText("Projet de la commune").first().waitFor();
    expect(await db.selectFrom("project").select("id").where("name", "=", "Projet de la commune").execute()).toHaveLength(1);
    await context.close();
  });

  it("pages run their scripts under the Content-Security-Policy, charts included, without a CSP error", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (message: ConsoleMessage) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) problems.push(`${page.url()}: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
    await signIn(page, server.url, "elu@demo.fr", "demo-demo-demo");
    for (const path of ["/dashboard", `/campaigns/${campaignId}`, `/campaigns/${campaignId}/participation`, `/campaigns/${campaignId}/results`, "/frameworks"]) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.headers()["content-security-policy"], path).toMatch(/script-src 'self' 'nonce-/);
      // Hydrated: Remix's inline scripts (which carry the nonce) ran and started the router.
      await page.waitForFunction(() => "__remixRouter" in window);
    }
    // Recharts drew its SVG on the participation page (inline styles allowed by style-src).
    await page.goto(`${server.url}/campaigns/${campaignId}/participation`);
    await page.locator(".recharts-surface").first().waitFor();
    // A client-side navigation works too (scripts are running, not just present).
    await page.getByRole("link", { name: "Campagnes", exact: true }).click();
    await page.waitForURL(/\/campaigns$/);
    expect(problems).toEqual([]);
    await context.close();
  });
});
