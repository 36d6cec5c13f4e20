import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, expectNoOverflow, hasChromium, signIn } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";

// Issue #15, council screens: the survey preview, a refused « Nouvelle campagne » that does not
// move under the pointer, and axe on every council page at 1280 and 360 px for both roles.
describe.skipIf(!hasChromium)("council pages in Chromium", () => {
  const journey = setUpBrowserJourney({ env: { DEMO_RESPONSES: "1" } });
  let sqlite: Database.Database;
  const ids = { open: "", published: "", framework: "", indicator: "", project: "", evaluation: "" };

  beforeAll(() => {
    sqlite = new Database(journey.server.dbPath, { readonly: true });
    const campaign = (state: string) => (sqlite.prepare("select id from campaign where state = ?").get(state) as { id: string }).id;
    ids.open = campaign("open");
    ids.published = campaign("published");
    ids.framework = (sqlite.prepare("select id from framework where slug = 'utilite-sociale-territoriale'").get() as { id: string }).id;
    ids.project = (sqlite.prepare("select project_id from campaign_project where campaign_id = ? order by position").get(ids.published) as { project_id: string }).project_id;
    const definition = JSON.parse((sqlite.prepare("select v.definition from campaign c join framework_version v on v.id = c.framework_version_id where c.id = ?").get(ids.published) as { definition: string }).definition) as { indicators: { id: string; kind: string }[] };
    ids.indicator = definition.indicators.find((i) => i.kind === "question")?.id ?? "";
  });
  afterAll(() => {
    sqlite?.close();
  });

  const count = (table: string, campaignId: string) => (sqlite.prepare(`select count(*) as n from ${table} where campaign_id = ?`).get(campaignId) as { n: number }).n;

  async function signedIn(email: string): Promise<Page> {
    const context = await journey.browser.newContext();
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await signIn(page, journey.server.url, email, "demo-demo-demo");
    return page;
  }

  /** Visits each path and checks it with axe at a desktop width and on a 360 px phone; no page scrolls sideways. */
  async function walk(page: Page, paths: string[]) {
    for (const path of paths) {
      const response = await page.goto(`${journey.server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      for (const width of [1280, 360]) {
        await page.setViewportSize({ width, height: 800 });
        await expectAccessible(page);
        await expectNoOverflow(page);
      }
      await page.setViewportSize({ width: 1280, height: 800 });
    }
  }

  it("a refused « Nouvelle campagne » stays put while the person types, then the new draft is previewed as a resident will see it, « Aperçu », nothing stored", async () => {
    const page = await signedIn("elu@demo.fr");
    await page.goto(`${journey.server.url}/campaigns/new`);
    await page.getByRole("link", { name: "Choisir ce cadre" }).first().click();
    const submit = page.getByRole("button", { name: "Créer la campagne" });
    await submit.click();
    await page.getByText("Donnez un titre de 3 à 120 caractères.").first().waitFor();
    const before = await submit.boundingBox();
    await page.getByLabel("Titre").fill("Aperçu avant ouverture");
    await page.keyboard.press("Tab");
    await page.getByLabel("Présentation pour les répondant·es").fill("Quelques mots.");
    await page.keyboard.press("Tab");
    expect(await submit.boundingBox()).toEqual(before);

    const groups = page.getByRole("group", { name: "Parties prenantes interrogées" }).getByRole("checkbox");
    await groups.first().check();
    await groups.nth(1).check();
    await page.getByRole("group", { name: "Projets évalués" }).getByRole("checkbox").first().check();
    await submit.click();
    await page.getByRole("heading", { level: 1, name: /Aperçu avant ouverture/ }).waitFor();
    const campaignId = new URL(page.url()).pathname.split("/")[2] ?? "";

    await page.getByRole("link", { name: "Aperçu de l'enquête" }).click();
    await page.getByRole("heading", { level: 1, name: /^Aperçu/ }).waitFor();
    await page.getByText("Rien n'est enregistré", { exact: false }).waitFor();
    // First the welcome page a resident sees (title, projects, duration, anonymity), then the questions.
    await page.getByRole("heading", { level: 2, name: "Aperçu avant ouverture" }).waitFor();
    await page.getByText(/^Environ \d+ minutes, \d+ questions\.$/).waitFor();
    expect(await page.locator(".survey__progress").count()).toBe(0);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Commencer" }).click();
    await page.waitForURL(/step=0/);
    const progress = page.locator(".survey__progress");
    expect(await progress.textContent()).toMatch(/^Question 1 sur \d+$/);
    await page.getByRole("radio").first().check();
    await page.getByRole("button", { name: "Suivant" }).click();
    await page.waitForURL(/step=1/);
    await expect.poll(() => progress.textContent()).toMatch(/^Question 2 sur \d+$/);
    await walk(page, [new URL(page.url()).pathname + new URL(page.url()).search]);

    // The other group's survey, then its end: still nothing stored, the campaign still a draft.
    await page.getByRole("navigation", { name: "Voir l'enquête d'une partie prenante" }).getByRole("link").nth(1).click();
    await page.getByRole("button", { name: "Commencer" }).waitFor();
    await page.goto(`${page.url()}&step=999`);
    await page.getByRole("heading", { level: 2, name: "Fin de l'aperçu" }).waitFor();
    expect(count("survey_draft", campaignId)).toBe(0);
    expect(count("response", campaignId)).toBe(0);
    expect(sqlite.prepare("select state from campaign where id = ?").get(campaignId)).toEqual({ state: "draft" });

    // An association member has no preview (it is the council's tool).
    const member = await signedIn("asso@demo.fr");
    expect((await member.goto(`${journey.server.url}/campaigns/${campaignId}/preview`))?.status()).toBe(403);
  }, 300_000);

  /** The pages every signed-in member reads (an association member sees only these). */
  const readerPaths = () => [
    "/dashboard",
    "/campaigns",
    `/campaigns/${ids.open}`,
    `/campaigns/${ids.open}/participation`,
    `/campaigns/${ids.published}`,
    `/campaigns/${ids.published}/results`,
    `/campaigns/${ids.published}/results/${ids.indicator}`,
    `/campaigns/${ids.published}/review`,
    "/frameworks",
    `/frameworks/${ids.framework}`,
    "/projects",
  ];

  it("axe finds nothing on any council page at 1280 and 360 px, for the council's admin", async () => {
    const page = await signedIn("elu@demo.fr");
    const { open, framework, indicator } = ids;
    await walk(page, [
      ...readerPaths(),
      "/campaigns/new",
      `/campaigns/new?framework=${framework}`,
      `/campaigns/${open}/edit`,
      `/campaigns/${open}/preview`,
      `/campaigns/${open}/transition?to=closed`,
      `/campaigns/${open}/invitations`,
      `/campaigns/${open}/invitations/import`,
      `/campaigns/${open}/workshops`,
      `/campaigns/${open}/paper`,
      `/frameworks/${framework}/fork`,
      "/members",
      "/outbox",
    ]);
    // The framework editor, on the council's own copy.
    await page.goto(`${journey.server.url}/frameworks/${framework}/fork`);
    await page.getByRole("button", { name: "Créer ma copie" }).click();
    await page.waitForURL(/\/frameworks\/[^/]+$/);
    const own = new URL(page.url()).pathname;
    await walk(page, [`${own}/edit`, `${own}/edit?edit=indicator&id=${indicator}`, `${own}/edit?edit=indicator`, `${own}/edit?edit=source`]);
  }, 900_000);

  it("axe finds nothing on any page an association member opens, at 1280 and 360 px", async () => {
    await walk(await signedIn("asso@demo.fr"), readerPaths());
  }, 600_000);
});
