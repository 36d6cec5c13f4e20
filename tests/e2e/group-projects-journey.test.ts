import Database from "better-sqlite3";
import type { BrowserContextOptions } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { createDraftCampaign } from "../helpers/campaigns";
import { demoFacts } from "../helpers/db";
import { expectAccessible, expectNoOverflow, hasChromium, signIn } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";

// Issue #15 in Chromium: the council ticks which projects each group is asked about (a phone,
// no JavaScript), opens the campaign, and a resident sees only the ressourcerie — with
// JavaScript off and on — while an association sees both projects.

const PHONE = { viewport: { width: 360, height: 740 } } satisfies BrowserContextOptions;

describe.skipIf(!hasChromium)("a council chooses who is asked about which project", () => {
  const journey = setUpBrowserJourney();

  it("the grid is set on a phone without JavaScript, frozen at opening, and residents only meet the ressourcerie", async () => {
    const { db } = createDb(journey.server.dbPath);
    const { projects } = await demoFacts(db);
    const ressourcerie = projects.find((p) => p.name === "Ressourcerie du Nord")!;
    const clauses = projects.find((p) => p.name.startsWith("Clauses"))!;
    const { campaignId } = await createDraftCampaign(db, { title: "Qui juge quoi", projectIds: [ressourcerie.id, clauses.id], groupIds: ["residents", "associations"] });
    await db.destroy();

    const council = await (await journey.browser.newContext({ ...PHONE, javaScriptEnabled: false })).newPage();
    council.context().setDefaultTimeout(60_000);
    const checker = await (await journey.browser.newContext(PHONE)).newPage();
    await signIn(council, journey.server.url, "elu@demo.fr", "demo-demo-demo");
    await council.goto(`${journey.server.url}/campaigns/${campaignId}/edit`);
    const grid = council.getByRole("group", { name: "Qui est interrogé sur quel projet" });
    const residents = grid.getByRole("group", { name: "Habitant·es" });
    const associations = grid.getByRole("group", { name: "Associations et structures de l'ESS" });
    // Everyone is asked everything until the council says otherwise.
    expect(await grid.getByRole("checkbox").evaluateAll((boxes) => boxes.map((b) => (b as HTMLInputElement).checked))).toEqual([true, true, true, true]);
    await expectNoOverflow(council);
    await expectAccessible(council, checker);

    // A group asked about nothing is refused, with the message beside the grid and the ticks kept.
    await associations.getByLabel(ressourcerie.name).uncheck();
    await associations.getByLabel(clauses.name).uncheck();
    await council.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await council.getByText("Le groupe « Associations et structures de l'ESS » doit être interrogé sur au moins un projet : cochez-en un.").waitFor();
    expect(await council.getByLabel("Titre").inputValue()).toBe("Qui juge quoi");
    expect(await residents.getByLabel(clauses.name).isChecked()).toBe(true);
    expect(await associations.getByLabel(clauses.name).isChecked()).toBe(false);
    await expectNoOverflow(council);

    await associations.getByLabel(ressourcerie.name).check();
    await associations.getByLabel(clauses.name).check();
    await residents.getByLabel(clauses.name).uncheck();
    await council.getByRole("button", { name: "Enregistrer les modifications" }).click();
    await council.getByText("Les modifications de la campagne sont enregistrées.").waitFor();
    // The campaign page names who is asked about a project not every group is asked about.
    await council.getByText("parties prenantes interrogées : Associations et structures de l'ESS", { exact: false }).waitFor();

    await council.getByRole("link", { name: "Ouvrir la campagne" }).click();
    await council.getByText("les projets sur lesquels chacune l'est sont figés", { exact: false }).waitFor();
    await council.getByRole("button", { name: "Oui, ouvrir la campagne" }).click();
    await council.getByText("La campagne est maintenant « ouverte ».").waitFor();
    // Frozen: the edit page says who is asked about what, and offers no checkbox.
    await council.goto(`${journey.server.url}/campaigns/${campaignId}/edit`);
    await council.getByText(`Habitant·es : ${ressourcerie.name}`).waitFor();
    expect(await council.getByRole("checkbox").count()).toBe(0);

    const sqlite = new Database(journey.server.dbPath, { readonly: true });
    const code = (groupId: string) => (sqlite.prepare("select code from invitation where campaign_id = ? and group_id = ? and kind = 'open_link'").get(campaignId, groupId) as { code: string }).code;
    for (const javaScriptEnabled of [false, true]) {
      const resident = await (await journey.browser.newContext({ ...PHONE, javaScriptEnabled })).newPage();
      resident.context().setDefaultTimeout(60_000);
      await resident.goto(`${journey.server.url}/s/${code("residents")}`);
      const projectList = resident.locator("section.survey > ul li");
      expect(await projectList.allTextContents()).toEqual([ressourcerie.name]);
      await expectNoOverflow(resident);
      await expectAccessible(resident, javaScriptEnabled ? undefined : checker);
      await resident.getByRole("button", { name: "Commencer" }).click();
      await resident.getByRole("heading", { name: `Connaissez-vous ce projet : ${ressourcerie.name} ?` }).waitFor();
      // One screening question, then the residents' 12 questions: nothing about the clauses.
      await resident.getByText("Question 1 sur 13").waitFor();
      await expectAccessible(resident, javaScriptEnabled ? undefined : checker);
      await resident.context().close();
    }
    const association = await (await journey.browser.newContext(PHONE)).newPage();
    await association.goto(`${journey.server.url}/s/${code("associations")}`);
    expect((await association.locator("section.survey > ul li").allTextContents()).sort()).toEqual([clauses.name, ressourcerie.name]);
    await association.context().close();
    sqlite.close();
    await council.context().close();
    await checker.context().close();
  }, 300_000);
});
