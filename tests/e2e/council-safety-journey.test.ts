import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, signIn } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";

/** axe at a desktop width and on a 360 px phone. */
async function expectAccessibleAtBothWidths(page: Page) {
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    await expectAccessible(page);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
}

describe.skipIf(!hasChromium)("council screens that prevent mistakes, in Chromium", () => {
  const journey = setUpBrowserJourney();
  // Each page is checked by axe twice (desktop and phone): slow on a loaded machine.

  it("an association member is shown only the links their role opens, and not the council's open survey links", async () => {
    const context = await journey.browser.newContext();
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await signIn(page, journey.server.url, "asso@demo.fr", "demo-demo-demo");
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    await nav.getByRole("link", { name: "Campagnes" }).waitFor();
    expect(await nav.getByRole("link", { name: "Membres" }).count()).toBe(0);
    expect(await nav.getByRole("link", { name: "Boîte d'envoi" }).count()).toBe(0);

    await nav.getByRole("link", { name: "Campagnes" }).click();
    await page.getByRole("link", { name: /Évaluation 2026/ }).first().click();
    await page.getByRole("heading", { level: 1, name: /Évaluation 2026/ }).waitFor();
    expect(await page.getByRole("link", { name: "Invitations", exact: true }).count()).toBe(0);
    expect(await page.locator('a[href^="/s/"]').count()).toBe(0);
    // Nor in the page's data, which anyone who loads the page can read.
    expect(await page.content()).not.toMatch(/\/s\/[A-Z0-9]{10}/);
    expect(await page.getByRole("link", { name: "Clôturer" }).count()).toBe(0);
    await expectAccessibleAtBothWidths(page);

    // On a phone the signed-in header is one line; its « Menu » opens without JavaScript.
    const phone = await (await journey.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } })).newPage();
    await signIn(phone, journey.server.url, "asso@demo.fr", "demo-demo-demo");
    const header = await phone.locator("header.site-header").boundingBox();
    expect(header?.height).toBeLessThan(110);
    await phone.getByText("Menu", { exact: true }).click();
    await phone.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Campagnes" }).click();
    await phone.waitForURL(/\/campaigns$/);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The council's admin still sees every link.
    const council = await (await journey.browser.newContext()).newPage();
    await signIn(council, journey.server.url, "elu@demo.fr", "demo-demo-demo");
    const councilNav = council.getByRole("navigation", { name: "Navigation principale" });
    await councilNav.getByRole("link", { name: "Membres" }).waitFor();
    await councilNav.getByRole("link", { name: "Boîte d'envoi" }).waitFor();
  }, 120_000);

  it("closing a campaign first says what it freezes and changes nothing until confirmed, without JavaScript", async () => {
    const context = await journey.browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await signIn(page, journey.server.url, "elu@demo.fr", "demo-demo-demo");
    await page.goto(`${journey.server.url}/campaigns`);
    await page.getByRole("link", { name: /Évaluation 2026/ }).first().click();
    await page.getByRole("heading", { level: 1, name: /Évaluation 2026/ }).waitFor();
    await page.getByText(/^Période : du .+ au .+/).waitFor();
    const campaignUrl = page.url();
    const campaignId = new URL(campaignUrl).pathname.split("/")[2];
    const close = page.getByRole("link", { name: "Clôturer" });
    // « Clôturer » is never the primary button.
    expect(await close.getAttribute("class")).toContain("button--secondary");

    await close.click();
    await page.getByRole("heading", { level: 1, name: "Clôturer la campagne ?" }).waitFor();
    await page.getByText("Plus aucune réponse n'est acceptée.", { exact: false }).waitFor();
    const sqlite = new Database(journey.server.dbPath, { readonly: true });
    const state = () => sqlite.prepare("select state from campaign where id = ?").get(campaignId);
    expect(state()).toEqual({ state: "open" });
    const checker = await (await journey.browser.newContext()).newPage();
    await checker.goto(page.url());
    await expectAccessibleAtBothWidths(checker);

    // Cancelling goes back with nothing changed.
    await page.getByRole("link", { name: "Annuler" }).click();
    await page.waitForURL(campaignUrl);
    expect(state()).toEqual({ state: "open" });

    await page.getByRole("link", { name: "Clôturer" }).click();
    await page.getByRole("button", { name: "Oui, clôturer la campagne" }).click();
    await page.getByText("La campagne est maintenant « clôturée ».").waitFor();
    expect(state()).toEqual({ state: "closed" });
    // The old confirmation link no longer takes a step already taken.
    expect((await page.goto(`${journey.server.url}/campaigns/${campaignId}/transition?to=closed`))?.status()).toBe(404);

    // Reopening and moving on also ask first, each saying what it changes.
    await page.goto(`${journey.server.url}/campaigns/${campaignId}/transition?to=in_review`);
    await page.getByText("La campagne ne pourra plus être rouverte", { exact: false }).waitFor();
    await page.goto(`${journey.server.url}/campaigns/${campaignId}/transition?to=open`);
    await page.getByRole("heading", { level: 1, name: "Rouvrir la campagne ?" }).waitFor();
    sqlite.close();
  }, 120_000);

  it("a member resets a forgotten password with the link the admin reads in the outbox", async () => {
    const context = await journey.browser.newContext();
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await page.goto(`${journey.server.url}/login`);
    await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
    await page.getByRole("heading", { level: 1, name: "Mot de passe oublié" }).waitFor();
    await expectAccessibleAtBothWidths(page);
    await page.getByLabel("Adresse e-mail").fill("asso@demo.fr");
    await page.getByRole("button", { name: "Recevoir un lien" }).click();
    await page.getByText("Si un compte existe avec cette adresse, un e-mail vient de lui être envoyé.", { exact: false }).waitFor();
    await expectAccessibleAtBothWidths(page);

    // No SMTP in the demo: the admin reads the e-mail in the outbox.
    const admin = await (await journey.browser.newContext()).newPage();
    await signIn(admin, journey.server.url, "elu@demo.fr", "demo-demo-demo");
    await admin.goto(`${journey.server.url}/outbox`);
    const mail = await admin.locator("pre.mail", { hasText: "/reset-password/" }).first().textContent();
    const link = /https?:\/\/\S+\/reset-password\/\S+/.exec(mail ?? "")?.[0];
    expect(link).toBeDefined();

    await page.goto(link ?? "");
    await page.getByRole("heading", { level: 1, name: "Choisir un nouveau mot de passe" }).waitFor();
    await expectAccessibleAtBothWidths(page);
    await page.getByLabel("Mot de passe (10 caractères minimum)").fill("un-nouveau-mot-de-passe");
    await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
    await page.getByText("Votre mot de passe est changé.", { exact: false }).waitFor();
    await signIn(page, journey.server.url, "asso@demo.fr", "un-nouveau-mot-de-passe");

    // The link served once.
    await page.goto(link ?? "");
    await page.getByText("Ce lien ne fonctionne plus", { exact: false }).waitFor();
  }, 120_000);
});
