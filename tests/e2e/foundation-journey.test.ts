import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, signIn } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";

/** Answers every screen of a survey with JavaScript off, then sends it. */
async function answerWholeSurvey(page: Page, surveyUrl: string, checker?: Page) {
  await page.goto(surveyUrl);
  await page.getByRole("button", { name: "Commencer" }).click();
  for (let guard = 0; guard < 60; guard++) {
    if (await page.getByRole("button", { name: "Envoyer mes réponses" }).isVisible()) break;
    const radio = page.locator('input[type="radio"][name="value"]').first();
    const checkbox = page.locator('input[type="checkbox"][name="values"]').first();
    const number = page.locator("#answer-number");
    const text = page.locator("#answer-text");
    if (await radio.count()) await radio.check();
    else if (await checkbox.count()) await checkbox.check();
    else if (await number.count()) await number.fill("3");
    else if (await text.count()) await text.fill("Un lieu accueillant.");
    await page.getByRole("button", { name: "Suivant" }).click();
  }
  if (checker) await expectAccessible(page, checker);
  await page.getByRole("button", { name: "Envoyer mes réponses" }).click();
  await page.getByRole("heading", { name: "Merci pour votre participation !" }).waitFor();
}

describe.skipIf(!hasChromium)("foundation journey in Chromium", () => {
  const journey = setUpBrowserJourney();

  it("prints how to sign in and where to answer", () => {
    expect(journey.server.output()).toContain("elu@demo.fr");
    expect(journey.server.output()).toMatch(/\/s\/[A-Z0-9]{10}/);
  });

  it("a council creates a campaign, a resident answers with JavaScript off, the result page counts it", async () => {
    const councilContext = await journey.browser.newContext();
    councilContext.setDefaultTimeout(60_000);
    const council = await councilContext.newPage();
    const checker = await (await journey.browser.newContext()).newPage();
    await signIn(council, journey.server.url, "elu@demo.fr", "demo-demo-demo");
    await expectAccessible(council);

    await council.goto(`${journey.server.url}/campaigns/new`);
    await expectAccessible(council);
    const chooseFramework = council.getByRole("link", { name: "Choisir ce cadre" });
    if (await chooseFramework.count()) await chooseFramework.first().click();
    await council.getByLabel("Titre").fill("Évaluation test de la ressourcerie");
    // A bad k comes back with a message and everything typed kept.
    await council.getByLabel("Seuil de confidentialité (k)").fill("2");
    await council.getByLabel("Ressourcerie du Nord (Ressourcerie du Nord)").check();
    await council.getByRole("group", { name: "Parties prenantes interrogées" }).getByRole("checkbox").first().check();
    await council.evaluate(() => document.querySelector("form.stack")?.setAttribute("novalidate", ""));
    await council.getByRole("button", { name: "Créer la campagne" }).click();
    await council.getByText("Le seuil de confidentialité doit être un nombre entier entre 3 et 50.").waitFor();
    expect(await council.getByLabel("Titre").inputValue()).toBe("Évaluation test de la ressourcerie");
    await council.getByLabel("Seuil de confidentialité (k)").fill("3");
    // Typing and leaving the field keep the message (and the layout) until the next submit.
    const buttonTop = () => council.getByRole("button", { name: "Créer la campagne" }).evaluate((button) => button.getBoundingClientRect().top + window.scrollY);
    const before = await buttonTop();
    await council.getByLabel("Titre").focus();
    await council.getByText("Le seuil de confidentialité doit être un nombre entier entre 3 et 50.").waitFor();
    expect(await buttonTop()).toBe(before);
    await council.getByRole("button", { name: "Créer la campagne" }).click();
    await council.getByRole("heading", { name: /Évaluation test de la ressourcerie/ }).waitFor();
    await expectAccessible(council);
    await council.getByRole("link", { name: "Ouvrir la campagne" }).click();
    await council.getByRole("button", { name: "Oui, ouvrir la campagne" }).click();
    await council.getByText("La campagne est maintenant « ouverte ».").waitFor();
    const surveyPath = await council.locator('a[href^="/s/"]').first().getAttribute("href");
    const campaignUrl = council.url();

    const residentContext = await journey.browser.newContext({ javaScriptEnabled: false });
    residentContext.setDefaultTimeout(60_000);
    const resident = await residentContext.newPage();
    await resident.goto(`${journey.server.url}${surveyPath}`);
    await expectAccessible(resident, checker);
    await resident.getByRole("button", { name: "Commencer" }).click();
    await expectAccessible(resident, checker);
    await answerWholeSurvey(resident, `${journey.server.url}${surveyPath}`, checker);
    await expectAccessible(resident, checker);

    // Replaying the final POST (back button, double submit) keeps one response.
    const resumePath = new URL(resident.url()).pathname.replace(/\/merci$/, "");
    const replay = await residentContext.request.post(`${journey.server.url}${resumePath}/envoyer`, { form: { intent: "submit" }, maxRedirects: 0 });
    expect(replay.status()).toBe(302);
    const sqlite = new Database(journey.server.dbPath, { readonly: true });
    expect(sqlite.prepare("select count(*) as n from response").get()).toEqual({ n: 1 });

    // While the campaign is open there are no results to read (no live results), only why.
    await council.goto(`${campaignUrl}/results`);
    await council.getByText("Les résultats seront disponibles une fois la campagne clôturée.").waitFor();
    expect(await council.getByTestId("total-responses").count()).toBe(0);
    await expectAccessible(council);

    await answerWholeSurvey(resident, `${journey.server.url}${surveyPath}`);
    await answerWholeSurvey(resident, `${journey.server.url}${surveyPath}`);
    await council.goto(campaignUrl);
    await expectAccessible(council);
    await council.getByRole("link", { name: "Clôturer" }).click();
    await council.getByRole("button", { name: "Oui, clôturer la campagne" }).click();
    await council.getByText("La campagne est maintenant « clôturée ».").waitFor();
    await council.getByRole("link", { name: "Voir les résultats" }).click();
    expect(await council.getByTestId("total-responses").textContent()).toBe("3");
    expect(await council.getByText("Masqué (moins de 3 réponses)").count()).toBe(0);
    // The overview lists the indicators; each one's page has its distribution with its table.
    await council.locator('a[href*="/results/"]').first().click();
    await council.locator("table caption", { hasText: "Répartition des réponses" }).first().waitFor();
    expect(sqlite.prepare("select count(*) as n from response").get()).toEqual({ n: 3 });
    sqlite.close();
    await residentContext.close();
  }, 180_000);
});
