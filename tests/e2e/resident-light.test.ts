import Database from "better-sqlite3";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, expectNoOverflow, hasChromium } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";

// Issue #15, the resident half, in Chromium: pages without the React runtime, a « Suivant »
// pressed offline, the 0–10 scale on a phone, text at 200 % zoom, axe at 1280 and 360 px.

const PHONE = { viewport: { width: 360, height: 740 } } satisfies BrowserContextOptions;
const DESKTOP = { viewport: { width: 1280, height: 800 } } satisfies BrowserContextOptions;

function openLink(dbPath: string, groupId: string): string {
  const sqlite = new Database(dbPath, { readonly: true });
  try {
    const row = sqlite.prepare("select i.code from invitation i join campaign c on c.id = i.campaign_id where c.state = 'open' and i.kind = 'open_link' and i.group_id = ?").get(groupId) as { code: string };
    return row.code;
  } finally {
    sqlite.close();
  }
}

async function newPage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  context.setDefaultTimeout(60_000);
  return context.newPage();
}

describe.skipIf(!hasChromium)("a light, plain resident survey that survives a bad connection", () => {
  const journey = setUpBrowserJourney();

  it("ships no React runtime; « Suivant » pressed offline keeps the page, says so in French and retries; « no » to a project drops its questions", async () => {
    // People in insertion are asked about both demo projects (residents, the ressourcerie only).
    const page = await newPage(journey.browser, PHONE);
    await page.goto(`${journey.server.url}/s/${openLink(journey.server.dbPath, "beneficiaries")}`);
    await page.getByRole("button", { name: "Commencer" }).click();
    await page.getByText("Question 1 sur 32").waitFor();
    expect(await page.locator("script[type=module], link[rel=modulepreload]").count()).toBe(0);
    expect(await page.locator("script[src]").evaluateAll((scripts) => scripts.map((s) => s.getAttribute("src")))).toEqual(["/offline-forms.js"]);
    await page.getByRole("heading", { name: "Connaissez-vous ce projet : Clauses sociales dans les marchés publics 2025 ?" }).waitFor();
    const resumeCode = (await page.getByTestId("resume-code").textContent())!.trim();

    await page.getByLabel("Non, je ne le connais pas").check();
    await page.context().setOffline(true);
    await page.getByRole("button", { name: "Suivant" }).click();
    await page.getByText("La connexion est coupée.").waitFor();
    // Nothing moved: the same question, the choice made, the resume code.
    await page.getByRole("heading", { name: /Connaissez-vous ce projet : Clauses sociales/ }).waitFor();
    expect(await page.getByLabel("Non, je ne le connais pas").isChecked()).toBe(true);
    expect((await page.getByTestId("resume-code").textContent())!.trim()).toBe(resumeCode);
    await expectAccessible(page);

    await page.context().setOffline(false);
    await page.getByRole("button", { name: "Réessayer" }).click();
    // « Non » to the social clauses: only the ressourcerie's 15 questions are left.
    await page.getByText("Question 2 sur 17").waitFor();
    expect(await page.title()).toBe("Question 2 sur 17 — Évaluation 2026 : ressourcerie et clauses sociales");
    expect(page.url()).toContain("step=1");
    await page.getByLabel("Oui, je connais ce projet").check();
    await page.getByRole("button", { name: "Suivant" }).click();
    await page.getByText("Question 3 sur 17").waitFor();
    await page.getByText("À propos de : Ressourcerie du Nord").waitFor();
    await expectAccessible(page);
    await page.context().close();
  }, 180_000);

  it("the 0–10 scale reads « 0 : pas du tout · 10 : tout à fait », in two even rows on a phone and one on a wide screen", async () => {
    const code = openLink(journey.server.dbPath, "associations");
    for (const [options, rows] of [
      [PHONE, [6, 5]],
      [DESKTOP, [11]],
    ] as const) {
      const page = await newPage(journey.browser, options);
      await page.goto(`${journey.server.url}/s/${code}`);
      await page.getByRole("button", { name: "Commencer" }).click();
      await page.getByText("Question 1 sur").waitFor();
      // Screens 1–2: the two projects; 3: « avis pris en compte »; 4: the 0–10 question.
      await page.goto(`${page.url()}?step=3`);
      await page.getByRole("heading", { name: /Sur une échelle de 0 à 10/ }).waitFor();
      await page.getByText("0 : pas du tout · 10 : tout à fait", { exact: true }).waitFor();
      const tops = await page.locator(".answer-options--rating label").evaluateAll((labels) => labels.map((l) => Math.round(l.getBoundingClientRect().top)));
      const perRow = [...new Set(tops)].map((top) => tops.filter((t) => t === top).length);
      expect(perRow).toEqual(rows);
      await expectAccessible(page);
      await page.context().close();
    }
  }, 180_000);

  it("at 200 % zoom on a 360 px phone no page scrolls sideways, and every page passes axe at 1280 px", async () => {
    const zoomed = await newPage(journey.browser, { viewport: { width: 180, height: 370 }, deviceScaleFactor: 2 });
    const wide = await newPage(journey.browser, DESKTOP);
    const visit = async (path: string) => {
      await zoomed.goto(`${journey.server.url}${path}`);
      await expectNoOverflow(zoomed);
      await wide.goto(`${journey.server.url}${path}`);
      await expectAccessible(wide);
    };
    const code = openLink(journey.server.dbPath, "residents");
    await visit("/s");
    await visit(`/s/${code}`);
    await zoomed.getByRole("button", { name: "Commencer" }).click();
    await zoomed.getByText("Question 1 sur").waitFor();
    const survey = new URL(zoomed.url()).pathname;
    for (const step of [0, 2, 3]) await visit(`${survey}?step=${step}`);
    // Residents are asked about the ressourcerie only: « non » leads straight to the review.
    await zoomed.goto(`${journey.server.url}${survey}?step=0`);
    await zoomed.getByLabel("Non, je ne le connais pas").check();
    await zoomed.getByRole("button", { name: "Suivant" }).click();
    await zoomed.getByText("Vérifiez avant d'envoyer", { exact: false }).first().waitFor();
    await visit(`${survey}?step=2`);
    await zoomed.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await zoomed.getByRole("heading", { name: "Merci pour votre participation !" }).waitFor();
    await visit(`${survey}/merci`);
    // « Ne connaît pas » is counted for participation, never stored as an answer.
    const sqlite = new Database(journey.server.dbPath, { readonly: true });
    expect(sqlite.prepare("select count(*) as n from count_cell where indicator_id = '~known' and value = 'no'").get()).toEqual({ n: 1 });
    expect(sqlite.prepare("select count(*) as n from answer").get()).toEqual({ n: 0 });
    sqlite.close();
  }, 240_000);
});
