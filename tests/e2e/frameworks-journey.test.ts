import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { createTerritoryWithAdmin } from "../../app/modules/accounts/territories.server";
import { expectAccessible, hasChromium, signIn } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";

const NEW_QUESTION = "Grâce à ce projet, pouvez-vous davantage agir sur la vie de votre quartier ?";

describe.skipIf(!hasChromium)("frameworks journey in Chromium", () => {
  const journey = setUpBrowserJourney();

  it("a council forks a starter framework, rewords a question with JavaScript off, publishes it and picks it for a campaign", async () => {
    // The council works with JavaScript off: every form must work without it. axe runs in a
    // signed-in JavaScript context on the same URLs (the server sends the same HTML).
    const councilContext = await journey.browser.newContext({ javaScriptEnabled: false });
    councilContext.setDefaultTimeout(60_000);
    const council = await councilContext.newPage();
    const checkerContext = await journey.browser.newContext();
    const checker = await checkerContext.newPage();
    await signIn(checker, journey.server.url, "elu@demo.fr", "demo-demo-demo");
    await council.goto(`${journey.server.url}/login`);
    await council.getByLabel("Adresse e-mail").fill("elu@demo.fr");
    await council.getByLabel("Mot de passe").fill("demo-demo-demo");
    await council.getByRole("button", { name: "Se connecter" }).click();
    await council.waitForURL(/\/dashboard/);
    const check = () => expectAccessible(council, checker);

    await council.goto(`${journey.server.url}/frameworks`);
    await council.getByRole("heading", { name: "Cadres de départ" }).waitFor();
    await check();
    await council.getByRole("link", { name: "Ouvrir « Utilité sociale et territoriale »" }).click();
    await council.getByRole("heading", { level: 1, name: "Utilité sociale et territoriale" }).waitFor();
    await council.getByText("Ce cadre de départ est partagé").waitFor();
    expect(await council.getByRole("link", { name: "Modifier le brouillon" }).count()).toBe(0);
    await check();

    await council.getByRole("link", { name: "Adapter ce cadre" }).click();
    await check();
    await council.getByLabel("Nom de votre cadre (français)").fill("Utilité sociale — Démo 2026");
    await council.getByLabel("Nom de votre cadre (anglais)").fill("Social utility — Demo 2026");
    await council.getByRole("button", { name: "Créer ma copie" }).click();
    await council.getByText("Copie créée en brouillon (version 1)").waitFor();
    await council.getByRole("heading", { level: 1, name: "Utilité sociale — Démo 2026" }).waitFor();
    await council.getByText("Adapté de « Utilité sociale et territoriale »").waitFor();
    await check();

    await council.getByRole("link", { name: "Modifier le brouillon" }).click();
    await council.getByRole("heading", { name: "Indicateurs" }).waitFor();
    await check();
    await council.getByRole("link", { name: "Modifier « Pouvoir agir sur son quartier »" }).click();
    await check();

    // A mistake comes back with a French message at the field and what was typed kept.
    // (English is optional for an indicator; French is not.)
    const english = "Thanks to this project, can you do more for life in your neighbourhood?";
    await council.getByLabel("Question (français)").fill("");
    await council.getByLabel("Question (anglais)").fill(english);
    await council.getByRole("button", { name: "Enregistrer" }).click();
    await council.getByText("Ce texte est obligatoire.").first().waitFor();
    expect(await council.getByLabel("Question (anglais)").inputValue()).toBe(english);
    await check();
    await council.getByLabel("Question (français)").fill(NEW_QUESTION);
    await council.getByRole("button", { name: "Enregistrer" }).click();
    await council.getByText("Modification enregistrée.").waitFor();
    await council.getByRole("cell", { name: NEW_QUESTION }).waitFor();
    await check();
    // Every other form of the editor is reachable and accessible too.
    const editorUrl = council.url().replace(/[?#].*$/, "");
    for (const query of ["?edit=metadata", "?edit=dimension", "?edit=indicator", "?edit=group&id=residents", "?edit=source", "?edit=scale&id=oui_non_5", "?edit=scale&id=avis_pris_en_compte", "?edit=scale&id=note_0_10", "?edit=scale&id=texte_libre"]) {
      await council.goto(`${editorUrl}${query}`);
      await council.getByRole("button", { name: /Enregistrer|Ajouter/ }).waitFor();
      await check();
    }
    await council.goto(editorUrl);
    // A scale still in use is kept, and the message names the indicators that use it.
    // Scales are named by their words, never their ids (here utilite_4).
    await council.getByRole("button", { name: /^Supprimer « liste de choix : un choix parmi : « Pas utile », « Un peu utile »/ }).click();
    await council.getByText("Cette échelle sert encore à 2 indicateurs : « Utilité de l'accompagnement »").waitFor();
    await check();

    await council.getByRole("navigation", { name: "Fil d'Ariane" }).getByRole("link", { name: "Brouillon v1" }).click();
    await council.getByText(NEW_QUESTION).first().waitFor();
    await council.getByLabel("Je comprends qu'une version publiée ne pourra plus jamais être modifiée.").check();
    await council.getByRole("button", { name: "Publier" }).click();
    await council.getByText("Version 1 publiée : elle ne changera plus").waitFor();
    expect(await council.getByRole("link", { name: "Modifier le brouillon" }).count()).toBe(0);
    await check();

    await council.getByRole("link", { name: "Comparer des versions" }).click();
    await council.getByRole("heading", { name: "Indicateurs reformulés" }).waitFor();
    await council.locator("ins", { hasText: NEW_QUESTION }).waitFor();
    expect(await council.getByRole("heading", { name: "Indicateurs ajoutés" }).count()).toBe(0);
    await check();

    await council.goto(`${journey.server.url}/campaigns/new`);
    const card = council.locator(".card", { has: council.getByRole("heading", { name: "Utilité sociale — Démo 2026" }) });
    await card.getByText("Version 1 — cadre de la collectivité").waitFor();
    await check();
    await card.getByRole("link", { name: "Choisir ce cadre" }).click();
    await council.getByText("Cadre d'évaluation : Utilité sociale — Démo 2026").waitFor();
    await check();
    await councilContext.close();
    await checkerContext.close();
  }, 900_000);

  it("a member of another territory gets a 404 on the council's framework, its editor and its file", async () => {
    const db = createDb(journey.server.dbPath).db;
    await createTerritoryWithAdmin(db, { slug: "autre-commune", name: "Autre Commune", kind: "commune", admin: { email: "maire@autre.fr", displayName: "Maire d'Autre", password: "autre-autre-autre" } });
    const framework = await db.selectFrom("framework").select("id").where("slug", "=", "utilite-sociale-demo-2026").executeTakeFirstOrThrow();
    await db.destroy();
    const context = await journey.browser.newContext();
    const page: Page = await context.newPage();
    await page.goto(`${journey.server.url}/login`);
    await page.getByLabel("Adresse e-mail").fill("maire@autre.fr");
    await page.getByLabel("Mot de passe").fill("autre-autre-autre");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await page.waitForURL(/\/dashboard/);
    for (const path of [`/frameworks/${framework.id}`, `/frameworks/${framework.id}/edit`, `/frameworks/${framework.id}/export`, `/frameworks/${framework.id}/diff`]) {
      const response = await page.goto(`${journey.server.url}${path}`);
      expect(response?.status(), path).toBe(404);
    }
    await page.goto(`${journey.server.url}/frameworks`);
    expect(await page.getByText("Utilité sociale — Démo 2026").count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });
});
