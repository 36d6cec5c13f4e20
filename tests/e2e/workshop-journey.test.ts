import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/connection";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { expectAccessible, hasChromium, launchBrowser, signIn } from "../helpers/browser";
import { closeThisYearsCampaign } from "../helpers/campaigns";

// Issue #14's journey with three browser contexts: the facilitator projects the board, two
// phones vote (one with JavaScript off), the board counts them without a reload; then the
// group's divided position, a story moderated, and the closed campaign's results by source.
describe.skipIf(!hasChromium)("a workshop in Chromium", () => {
  let server: AppServer;
  let browser: Browser;
  let db: Db;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startAppServer({ DEMO_RESPONSES: "0" });
    browser = await launchBrowser();
    db = createDb(server.dbPath).db;
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await db?.destroy();
    await browser?.close();
    await server?.stop();
  });

  const phone = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
  async function newPage(options: Parameters<Browser["newContext"]>[0] = {}): Promise<Page> {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context.newPage();
  }

  /** React took over the page (its scripts ran without error): the keyboard help works. */
  async function waitForHydration(page: Page) {
    await page.waitForFunction(() => Object.keys(document.querySelector("main input, main button") ?? {}).some((key) => key.startsWith("__reactFiber")));
  }

  /** A phone joins with the code typed on the home of `/a`, then votes for the `choice`-th answer. */
  async function joinAndVote(page: Page, code: string, choice: number) {
    await page.goto(`${server.url}/a`);
    await page.getByLabel("Code de l'atelier").fill(code.toLowerCase());
    await page.getByRole("button", { name: "Rejoindre" }).click();
    await page.waitForURL(new RegExp(`/a/${code}$`));
    await page.getByRole("button", { name: "Rejoindre" }).click();
    await page.getByRole("button", { name: "Voter" }).waitFor();
    await page.getByRole("radio").nth(choice).check();
    await page.getByRole("button", { name: "Voter" }).click();
    await page.getByTestId("vote-recorded").waitFor();
  }

  // Runs first: the workshop journey below closes the campaign.
  it("a paper batch typed from the keyboard twice: the differences come back to be typed again", async () => {
    const campaign = await db.selectFrom("campaign").select("id").where("state", "=", "open").executeTakeFirstOrThrow();
    const page = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, server.url, "elu@demo.fr", "demo-demo-demo");
    await page.goto(`${server.url}/campaigns/${campaign.id}/paper`);
    await waitForHydration(page);
    // Residents (the first group) are asked about the ressourcerie only, not the first project.
    await page.getByLabel("Projet de ce paquet").selectOption({ label: "Ressourcerie du Nord" });
    // Not the workshop's question: two paper answers there would (rightly) mask its workshop source.
    const column = (await page.locator('input[data-single][name^="r1."]:not([name="r1.pa_agir_quartier"])').first().getAttribute("name"))?.replace(/^r1\./, "") ?? "";
    const cell = (row: number) => page.locator(`input[name="r${row}.${column}"]`);
    // One key answers and moves on; « ? » is « Je ne sais pas »; the count follows.
    await cell(1).focus();
    await page.keyboard.type("4");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).not.toBe(`r1.${column}`);
    await cell(2).focus();
    await page.keyboard.type("2");
    expect(await page.getByTestId("typed-count").textContent()).toBe("Feuilles saisies : 2");
    await expectAccessible(page);
    await page.getByRole("button", { name: "Enregistrer comme première saisie" }).click();
    await page.getByTestId("first-kept").waitFor();
    expect(await cell(1).inputValue()).toBe("");

    await cell(1).fill("4");
    await cell(2).fill("3");
    await page.getByRole("button", { name: "Comparer les deux saisies" }).click();
    await page.getByTestId("differences").waitFor();
    expect(await page.getByTestId("differences").textContent()).toContain("première saisie « 2 », deuxième « 3 »");
    expect(await cell(1).inputValue()).toBe("4");
    expect(await cell(2).getAttribute("aria-invalid")).toBe("true");
    await expectAccessible(page);
    await cell(2).fill("3");
    await page.getByRole("button", { name: "Enregistrer le paquet" }).click();
    await expect.poll(() => page.getByTestId("paper-saved").textContent()).toBe("2 feuilles enregistrées (source : papier).");
    const paper = await db.selectFrom("response").select("id").where("campaign_id", "=", campaign.id).where("source", "=", "paper").execute();
    expect(paper).toHaveLength(2);
  }, 300_000);

  it("two phones vote, the board follows live, the group's position and a story reach the closed results", async () => {
    const campaign = await db.selectFrom("campaign").select("id").where("state", "=", "open").executeTakeFirstOrThrow();

    // The facilitator creates the workshop and projects its board.
    const board = await newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(board, server.url, "elu@demo.fr", "demo-demo-demo");
    await board.goto(`${server.url}/campaigns/${campaign.id}/workshops`);
    await waitForHydration(board);
    await board.getByLabel("Date").fill("2026-12-05");
    await board.getByLabel("Lieu").fill("Salle des fêtes");
    // The ressourcerie: residents are not asked about the demo's other project (the social clauses).
    await board.getByLabel("Projet discuté").selectOption({ label: "Ressourcerie du Nord" });
    // An agreement question on five points (1 to 5, then « Je ne sais pas »).
    const indicatorId = "pa_agir_quartier";
    await board.locator(`input[name="indicatorIds"][value="${indicatorId}"]`).check();
    await expectAccessible(board);
    await board.getByRole("button", { name: "Créer l'atelier" }).click();
    await board.waitForURL(/\/workshops\/[^/]+$/);
    const code = (await board.getByTestId("join-code").textContent()) ?? "";
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    await board.getByRole("button", { name: "Ouvrir le vote" }).click();
    await expect.poll(() => board.getByTestId("vote-state").textContent()).toBe("Vote ouvert");
    await expect.poll(() => board.getByTestId("live").textContent()).toBe("Mise à jour en direct");
    await expectAccessible(board);
    // Set after the last navigation: a reload would erase it.
    await board.evaluate(() => Reflect.set(window, "stillTheSamePage", true));

    // Two phones: one with JavaScript, one without (a plain form, then a reload).
    const withScript = await newPage(phone);
    const withoutScript = await newPage({ ...phone, javaScriptEnabled: false });
    await joinAndVote(withScript, code, 3);
    await expectAccessible(withScript);
    await withoutScript.goto(`${server.url}/a/${code}`);
    await expectAccessible(withoutScript, withScript);
    await joinAndVote(withoutScript, code, 4);
    // A changed mind while the vote is open replaces the vote, never adds one.
    await withoutScript.getByRole("radio").nth(1).check();
    await withoutScript.getByRole("button", { name: "Changer mon vote" }).click();
    await withoutScript.getByTestId("vote-recorded").waitFor();

    await expect.poll(() => board.getByTestId("votes").textContent(), { timeout: 10_000 }).toBe("2");
    expect(await board.getByTestId("joined").textContent()).toBe("2");
    expect(await board.getByTestId("distribution-masked").isVisible()).toBe(true);
    expect(await board.evaluate(() => Reflect.get(window, "stillTheSamePage"))).toBe(true);

    // Three more phones (plain HTTP, as without JavaScript) reach k = 5: the room sees the distribution.
    for (let i = 0; i < 3; i++) await voteOverHttp(code, 2);
    await board.getByTestId("distribution").waitFor({ timeout: 10_000 });
    expect(await board.getByTestId("votes").textContent()).toBe("5");
    await board.getByRole("button", { name: "Clore le vote" }).click();
    await expect.poll(() => board.getByTestId("vote-state").textContent()).toBe("Vote clos");
    await withoutScript.reload();
    await withoutScript.getByText(/^Le vote est clos\./).waitFor();

    // The group's position: divided, so the minority view is required; then a story, moderated.
    await board.goto(`${server.url}${await board.getByRole("link", { name: "Positions et récits" }).getAttribute("href")}`);
    await waitForHydration(board);
    await board.getByRole("radio", { name: "Partagé" }).check();
    await board.getByLabel("Raisonnement du groupe").fill("La moitié de la salle voit un changement, l'autre non.");
    await board.getByRole("button", { name: "Enregistrer la position" }).click();
    await board.getByText("Le groupe est partagé : écrivez l'avis minoritaire.").waitFor();
    expect(await board.getByLabel("Raisonnement du groupe").inputValue()).toBe("La moitié de la salle voit un changement, l'autre non.");
    await board.getByLabel("Avis minoritaire").fill("Les plus âgé·es ne connaissent pas la ressourcerie.");
    await board.getByRole("button", { name: "Enregistrer la position" }).click();
    await board.getByTestId("positions").getByText("Les plus âgé·es ne connaissent pas la ressourcerie.").waitFor();

    await board.getByLabel("Récit (un changement raconté)").fill("M. Martin, de la rue Haute, a trouvé un emploi à la ressourcerie.");
    await board.getByRole("checkbox").check();
    await board.getByRole("button", { name: "Ajouter le récit" }).click();
    await expect.poll(() => board.getByTestId("story-status").textContent()).toBe("À relire");
    await expectAccessible(board);
    await board.getByLabel("Réécrivez le récit sans noms de personnes ni de lieux.").fill("Un habitant a trouvé un emploi à la ressourcerie.");
    await board.getByRole("button", { name: "Anonymiser et valider" }).click();
    await expect.poll(() => board.getByTestId("story-status").textContent()).toBe("Validé");
    expect(await board.getByTestId("story").locator("blockquote").textContent()).toBe("Un habitant a trouvé un emploi à la ressourcerie.");

    // Once the campaign is closed, the indicator's results show the workshop as its own source.
    await closeThisYearsCampaign(db);
    await board.goto(`${server.url}/campaigns/${campaign.id}/results/${indicatorId}`);
    const workshopRow = board.getByRole("row", { name: /Source : Atelier/ }).first();
    await workshopRow.waitFor();
    expect(await workshopRow.textContent()).toContain("n = 5");
    await expectAccessible(board);
  }, 300_000);

  /** A phone without JavaScript, as plain HTTP: join (the cookie), then vote for the `choice`-th answer. */
  async function voteOverHttp(code: string, choice: number) {
    const post = (fields: Record<string, string>, cookie = "") =>
      fetch(`${server.url}/a/${code}`, { method: "POST", body: new URLSearchParams(fields), redirect: "manual", headers: { origin: server.url, cookie } });
    const page = await (await fetch(`${server.url}/a/${code}`)).text();
    const groupId = /name="groupId"[^>]*value="([^"]+)"/.exec(page)?.[1] ?? "";
    const joined = await post({ intent: "join", groupId });
    const cookie = (joined.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const form = await (await fetch(`${server.url}/a/${code}`, { headers: { cookie } })).text();
    const indicatorId = /name="indicatorId"[^>]*value="([^"]+)"/.exec(form)?.[1] ?? "";
    const value = [...form.matchAll(/name="value"[^>]*value="([^"]+)"/g)].map((m) => m[1] ?? "")[choice] ?? "";
    expect((await post({ intent: "vote", indicatorId, value }, cookie)).status).toBe(302);
  }
});
