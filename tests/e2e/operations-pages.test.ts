import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, expectNoOverflow, hasChromium, signIn } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";

// Issue #16's pages in a real browser: the public « Données personnelles » page, a member's own
// account and an admin's page for one person's data. Each must still be on screen once React has
// hydrated it (a value imported from a `.server` module is empty in the browser and broke the
// privacy page after hydration while its HTML looked right), fit a phone, and pass axe.
describe.skipIf(!hasChromium)("operations pages in Chromium", () => {
  const journey = setUpBrowserJourney();

  async function expectHydratedPage(page: Page, path: string, heading: string) {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${journey.server.url}${path}`);
    await page.waitForLoadState("networkidle");
    await page.waitForFunction(() => Boolean((window as { __remixRouter?: unknown }).__remixRouter));
    expect(errors, `${path}: errors in the browser`).toEqual([]);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe(heading);
    await expectNoOverflow(page);
    await expectAccessible(page);
  }

  for (const width of [1280, 360]) {
    it(`at ${width} px: the privacy page signed out, then an admin's account and personal-data pages`, async () => {
      const context = await journey.browser.newContext({ viewport: { width, height: 800 }, locale: "fr-FR" });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await expectHydratedPage(page, "/privacy", "Données personnelles");
      // Counted from the database: the demo's members are there.
      await expect.poll(() => page.locator("tbody tr").count()).toBeGreaterThanOrEqual(6);
      await signIn(page, journey.server.url, "elu@demo.fr", "demo-demo-demo");
      await expectHydratedPage(page, "/account", "Mon compte");
      await expectHydratedPage(page, "/personal-data", "Données d'une personne (demande RGPD)");
      await context.close();
    }, 240_000);
  }
});
