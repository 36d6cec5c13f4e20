import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeThisYearsCampaign } from "../helpers/campaigns";
import { createDb, type Db } from "../../db/connection";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { expectAccessible, hasChromium, launchBrowser, signIn } from "../helpers/browser";

// The demo's closed campaign read in Chromium by the council and by an association member:
// overview and one indicator, each chart with its table, axe at desktop and phone widths.
describe.skipIf(!hasChromium)("results in Chromium", () => {
  let server: AppServer;
  let browser: Browser;
  let db: Db;
  let campaignId: string;

  beforeAll(async () => {
    server = await startAppServer({ DEMO_RESPONSES: "1" });
    browser = await launchBrowser();
    db = createDb(server.dbPath).db;
    campaignId = (await db.selectFrom("campaign").select("id").where("title", "like", "Évaluation 2025%").executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await db?.destroy();
    await browser?.close();
    await server?.stop();
  });

  /** Every chart sits beside its data table, and the page never scrolls sideways. */
  async function checkPage(page: Page) {
    const charts = page.locator(".chart");
    expect(await charts.count()).toBeGreaterThan(0);
    for (let i = 0; i < (await charts.count()); i++) expect(await charts.nth(i).locator("table caption").count()).toBe(1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // Every dimension's name around a radar is drawn inside the chart (they were clipped at 1280 px).
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll(".recharts-polar-angle-axis-tick text")].flatMap((label) => {
        const box = label.getBoundingClientRect();
        const frame = label.closest("svg")?.getBoundingClientRect();
        return frame && (box.left < frame.left - 1 || box.right > frame.right + 1 || box.top < frame.top - 1 || box.bottom > frame.bottom + 1) ? [label.textContent] : [];
      }),
    );
    expect(clipped).toEqual([]);
    await expectAccessible(page);
  }

  for (const reader of [
    { who: "the council", email: "elu@demo.fr" },
    { who: "an association member", email: "asso@demo.fr" },
  ]) {
    it(`${reader.who} reads the overview and one indicator, at 1280 and 360 px`, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await signIn(page, server.url, reader.email, "demo-demo-demo");
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`${server.url}/campaigns/${campaignId}/results`);
        await expect(page.getByRole("heading", { name: "Ce que disent les résultats" }).isVisible()).resolves.toBe(true);
        await checkPage(page);
        await page.goto(`${server.url}/campaigns/${campaignId}/results/pa_agir_quartier`);
        await expect(page.getByRole("heading", { level: 1 }).isVisible()).resolves.toBe(true);
        await checkPage(page);
      }
      await context.close();
    }, 180_000);
  }

  it("the council reviews written answers and the question's page shows the approved one, axe clean", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await signIn(page, server.url, "elu@demo.fr", "demo-demo-demo");
    await page.goto(`${server.url}/campaigns/${campaignId}/results`);
    await page.getByRole("link", { name: "Relire les réponses écrites avant qu'elles soient lues" }).click();
    await page.getByRole("heading", { level: 1, name: /^Réponses écrites à relire/ }).waitFor();
    await expectAccessible(page);
    // The demo's answers are random: the story question may or may not have a group at the free-text threshold.
    const onStory = page.locator('section[aria-labelledby="i-pa_recit"]').getByTestId("written-answer");
    const first = onStory.first();
    let approved: string | null = null;
    if ((await onStory.count()) > 0) {
      approved = await first.locator("blockquote").textContent();
      await first.getByRole("button", { name: "Approuver" }).click();
      await page.getByText("Décision enregistrée.").waitFor();
    }
    await page.goto(`${server.url}/campaigns/${campaignId}/results/pa_recit`);
    await expectAccessible(page);
    if (approved) await expect(page.getByTestId("published-texts").textContent()).resolves.toContain(approved);
    await context.close();
  }, 120_000);

  it("an association member enters a figure for their project", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Last year's campaign is published (its figures are frozen): this year's, once closed, takes figures.
    const openCampaignId = await closeThisYearsCampaign(db);
    await signIn(page, server.url, "asso@demo.fr", "demo-demo-demo");
    await page.goto(`${server.url}/campaigns/${openCampaignId}/results`);
    await page.getByRole("link", { name: /Saisir les chiffres déclarés — Ressourcerie du Nord/ }).click();
    await page.getByLabel(/^Valeur/).first().fill("23");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Enregistrer les chiffres" }).click();
    await page.waitForURL(/\/results$/);
    const row = await db.selectFrom("reported_figure").select("value").where("campaign_id", "=", openCampaignId).where("indicator_id", "=", "pa_personnes_impliquees").executeTakeFirstOrThrow();
    expect(row.value).toBe(23);
    await context.close();
  }, 120_000);
});
