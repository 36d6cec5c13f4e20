import { describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { createCampaign } from "../../app/modules/campaigns/campaigns.server";
import { campaignInvitations } from "../../app/modules/invitations/campaign-invitations.server";
import { listUsableFrameworkVersions } from "../../app/modules/frameworks/frameworks.server";
import { demoFacts } from "../helpers/db";
import { expectAccessible, hasChromium, signIn } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";
import { nth } from "../helpers/present";

describe.skipIf(!hasChromium)("campaign edit in Chromium", () => {
  const journey = setUpBrowserJourney();

  it("a council corrects the open demo campaign's title with JavaScript off and sees it on the campaign page", async () => {
    const context = await journey.browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const checker = await (await journey.browser.newContext()).newPage();
    await signIn(page, journey.server.url, "elu@demo.fr", "demo-demo-demo");

    await page.goto(`${journey.server.url}/campaigns`);
    await page.getByRole("link", { name: /Évaluation 2026/ }).first().click();
    await page.getByRole("heading", { level: 1, name: /Évaluation 2026/ }).waitFor();
    await page.getByRole("link", { name: "Modifier", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: "Modifier la campagne" }).waitFor();
    // Open: only the wording and the dates are offered, the rest is shown with why.
    await page.getByText("Les questions, les parties prenantes, l'anonymat et k sont figés depuis l'ouverture, pour que toutes les réponses portent sur les mêmes questions.").waitFor();
    expect(await page.getByLabel("Seuil de confidentialité (k)").count()).toBe(0);
    expect(await page.getByRole("checkbox").count()).toBe(0);
    await expectAccessible(page, checker);

    // A title too short comes back with the message and what was typed.
    await page.getByLabel("Titre").fill("Év");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.getByText("Donnez un titre de 3 à 120 caractères.").waitFor();
    expect(await page.getByLabel("Titre").inputValue()).toBe("Év");
    await expectAccessible(page, checker);

    await page.getByLabel("Titre").fill("Évaluation 2026 corrigée : ressourcerie et clauses");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.getByRole("heading", { level: 1, name: /Évaluation 2026 corrigée : ressourcerie et clauses/ }).waitFor();
    await page.getByText("Les modifications de la campagne sont enregistrées.").waitFor();
    await page.getByText(/— modifiée \(/).waitFor();
    await expectAccessible(page, checker);
    await context.close();
  });

  it("a draft offers every field, and its open links follow the groups ticked", async () => {
    const { db } = createDb(journey.server.dbPath);
    const { admin, projects } = await demoFacts(db);
    const version = (await listUsableFrameworkVersions(db, admin.territoryId)).find((v) => v.slug === "utilite-sociale-territoriale")!;
    const created = await createCampaign(db, admin, { title: "Brouillon à corriger", description: "", frameworkVersionId: version.id, projectIds: [nth(projects, 0).id], groupIds: ["residents"], isAnonymous: true, k: 5, neighbourhoods: "" }, campaignInvitations);
    if (!created.ok) throw new Error("draft not created");

    const context = await journey.browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const checker = await (await journey.browser.newContext()).newPage();
    await signIn(page, journey.server.url, "elu@demo.fr", "demo-demo-demo");
    await page.goto(`${journey.server.url}/campaigns/${created.id}/edit`);
    await expectAccessible(page, checker);
    const groups = page.getByRole("group", { name: "Parties prenantes interrogées" }).getByRole("checkbox");
    expect(await groups.count()).toBeGreaterThan(1);
    await groups.nth(1).check();
    await page.getByLabel("Seuil de confidentialité (k)").fill("6");
    await page.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await page.getByText("Réponses anonymes, seuil k = 6").waitFor();
    expect(await page.locator('a[href^="/s/"]').count()).toBe(2);
    await context.close();
    await db.destroy();
  });
});
