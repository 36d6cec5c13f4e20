import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { expectNoOverflow, hasChromium } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";

// The demo's published evaluation, signed out, on a 360 px phone: the dimension radars are drawn
// and their names stay inside the screen (they ran 157 px past it before they were wrapped).
describe.skipIf(!hasChromium)("the public evaluation on a phone", () => {
  // The demo with its sample answers holds the published « Évaluation 2025 ».
  const journey = setUpBrowserJourney({ env: { DEMO_RESPONSES: "1" } });

  it("fits 360 px with its radars drawn, in French and in English", async () => {
    const sqlite = new Database(journey.server.dbPath, { readonly: true });
    const { id, slug } = sqlite.prepare("select e.id, t.slug from evaluation e join territory t on t.id = e.territory_id where e.published_at is not null").get() as { id: string; slug: string };
    sqlite.close();
    for (const locale of ["fr-FR", "en-US"]) {
      const context = await journey.browser.newContext({ viewport: { width: 360, height: 740 }, locale });
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      await page.goto(`${journey.server.url}/t/${slug}/evaluations/${id}`);
      await page.waitForLoadState("networkidle");
      await expect.poll(() => page.locator(".radar svg.recharts-surface").count()).toBeGreaterThan(0);
      await expectNoOverflow(page);
      await context.close();
    }
  }, 240_000);
});
