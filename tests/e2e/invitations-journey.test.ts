import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectAccessible, hasChromium, signIn } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";

describe.skipIf(!hasChromium)("invitations journey in Chromium", () => {
  // Each journey gets its own server and database: the first one closes the demo campaign.
  const journey = setUpBrowserJourney({ serverPerTest: true });
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "eval-csv-"));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("a council imports an Excel-FR list with a bad line, prints QR sheets, sends the invitations and erases personal data at close", async () => {
    const context = await journey.browser.newContext();
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    await signIn(page, journey.server.url, "elu@demo.fr", "demo-demo-demo");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Campagnes", exact: true }).click();
    await expectAccessible(page);
    await page.getByRole("link", { name: /Évaluation 2026/ }).first().click();
    await page.getByRole("heading", { level: 1, name: /Évaluation 2026/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole("link", { name: "Invitations", exact: true }).click();
    await page.getByRole("heading", { level: 1, name: /Invitations — Évaluation 2026/ }).waitFor();
    await expectAccessible(page);

    // Excel-FR: UTF-8 with BOM, semicolons, CRLF; line 3 has no valid address.
    const csvPath = join(dir, "habitants.csv");
    const text = "Nom;Courriel;Groupe;Quartier\r\nHélène Dupré;helene@exemple.fr;Habitant·es;Quartier Nord\r\nSans adresse;pas-une-adresse;residents;\r\nZoé;zoe@exemple.fr;Bénéficiaires;Centre-ville\r\n";
    writeFileSync(csvPath, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]));
    await page.getByLabel("Fichier CSV").setInputFiles(csvPath);
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await page.getByRole("heading", { name: /Vérification de la liste/ }).waitFor();
    await page.getByText("« pas-une-adresse » n'est pas une adresse e-mail valide").waitFor();
    const errorRow = page.getByRole("row", { name: /pas-une-adresse/ });
    expect(await errorRow.getByRole("cell").first().textContent()).toBe("3");
    await expectAccessible(page);

    // Without ticking « skip », nothing is imported.
    await page.getByRole("button", { name: "Importer" }).click();
    await page.getByText("rien n'a été importé").waitFor();
    await expectAccessible(page);
    const sqlite = new Database(journey.server.dbPath, { readonly: true });
    expect(sqlite.prepare("select count(*) as n from invitation where kind = 'personal'").get()).toEqual({ n: 0 });

    await page.getByLabel("Ignorer les lignes en erreur et importer seulement les lignes prêtes").check();
    await page.getByRole("button", { name: "Importer" }).click();
    await page.getByText("2 invitations importées.").waitFor();
    await page.getByRole("cell", { name: "helene@exemple.fr" }).waitFor();
    await page.getByRole("cell", { name: "zoe@exemple.fr" }).waitFor();
    expect(await page.getByRole("row", { name: /helene@exemple\.fr/ }).textContent()).toContain("non envoyée");
    await expectAccessible(page);

    // Three paper sheets → the print page, one QR code per A4 sheet.
    await page.getByLabel("Nombre de feuilles").fill("3");
    await page.getByRole("button", { name: "Créer et imprimer les feuilles" }).click();
    await page.getByRole("heading", { level: 1, name: /Feuilles à imprimer/ }).waitFor();
    const sheets = page.getByTestId("sheet");
    expect(await sheets.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      expect(await sheets.nth(i).locator("svg").count()).toBe(1);
      expect(await sheets.nth(i).locator(".sheet__code").textContent()).toMatch(/^[A-Z0-9]{10}$/);
    }
    await expectAccessible(page);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    const pdf = (await page.pdf({ format: "A4", printBackground: true })).toString("latin1");
    expect(pdf.match(/\/Type\s*\/Page[^s]/g)?.length).toBe(3);
    await page.emulateMedia({ media: "screen" });

    // The invitations go to the outbox (no SMTP in tests), each with its link and unsubscribe link.
    await page.goBack();
    await page.getByRole("button", { name: "Envoyer les invitations" }).click();
    await page.getByText("2 e-mails préparés.").waitFor();
    await page.getByRole("link", { name: "Voir la boîte d'envoi" }).click();
    await page.getByText("Aucun serveur d'envoi (SMTP_URL) n'est configuré").waitFor();
    const mail = page.locator("article", { hasText: "helene@exemple.fr" });
    expect(await mail.locator("pre").textContent()).toMatch(/\/s\/[A-Z0-9]{10}/);
    await expectAccessible(page);
    const unsubscribe = (await mail.locator("pre").textContent())!.match(/\/unsubscribe\/\S+/)![0];

    // Unsubscribing works without an account and without JavaScript.
    const resident = await (await journey.browser.newContext({ javaScriptEnabled: false })).newPage();
    await resident.goto(`${journey.server.url}${unsubscribe}`);
    await resident.getByRole("button", { name: "Confirmer la désinscription" }).click();
    await resident.getByText("C'est fait").waitFor();
    await expectAccessible(resident, await context.newPage());
    expect(sqlite.prepare("select count(*) as n from email_opt_out where email = 'helene@exemple.fr'").get()).toEqual({ n: 1 });

    // Once the campaign is closed, its invitations' names and e-mails can be erased.
    await page.goto(`${journey.server.url}/campaigns`);
    await page.getByRole("link", { name: /Évaluation 2026/ }).first().click();
    await page.getByRole("link", { name: "Clôturer" }).click();
    await page.getByRole("button", { name: "Oui, clôturer la campagne" }).click();
    await page.getByText("La campagne est maintenant « clôturée ».").waitFor();
    await page.getByRole("link", { name: "Invitations", exact: true }).click();
    await page.getByRole("link", { name: "Effacer les données personnelles" }).click();
    await page.getByText("Les noms et adresses e-mail de 2 invitations seront effacés définitivement").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Oui, effacer définitivement" }).click();
    await page.getByText("Les données personnelles des invitations ont été effacées.").waitFor();
    await page.getByText(/Les noms et adresses e-mail des invitations ont été effacés le/).waitFor();
    await expectAccessible(page);
    expect(await page.getByText("helene@exemple.fr").count()).toBe(0);
    expect(sqlite.prepare("select count(*) as n from invitation where email is not null or display_name is not null").get()).toEqual({ n: 0 });
    // The campaign's history says what happened, not a state change.
    await page.goto(page.url().replace(/\/invitations.*$/, ""));
    await page.getByText(/noms et adresses e-mail des invitations effacés/).waitFor();
    sqlite.close();
  }, 120_000);

  it("the CSV preview and import work with JavaScript off (Latin-1 file from an older Excel)", async () => {
    const context = await journey.browser.newContext({ javaScriptEnabled: false });
    context.setDefaultTimeout(60_000);
    const page = await context.newPage();
    const checker = await (await journey.browser.newContext()).newPage();
    await signIn(checker, journey.server.url, "elu@demo.fr", "demo-demo-demo");
    await signIn(page, journey.server.url, "elu@demo.fr", "demo-demo-demo");
    const sqlite = new Database(journey.server.dbPath, { readonly: true });
    const { id } = sqlite.prepare("select id from campaign order by created_at limit 1").get() as { id: string };

    const csvPath = join(dir, "latin1.csv");
    writeFileSync(csvPath, Buffer.from("nom;email;groupe\r\nJérôme Lefèvre;jerome@exemple.fr;residents\r\nInconnu;x@exemple.fr;touristes\r\n", "latin1"));
    await page.goto(`${journey.server.url}/campaigns/${id}/invitations/import`);
    await expectAccessible(page, checker);
    await page.getByLabel("Fichier CSV").setInputFiles(csvPath);
    await page.getByRole("button", { name: "Vérifier le fichier" }).click();
    await page.getByText("« touristes » n'est pas une partie prenante de la campagne").waitFor();
    await page.getByRole("cell", { name: "Jérôme Lefèvre" }).waitFor();
    // The preview is a POST response: axe checks its HTML as served, in a JavaScript page.
    await checker.goto(`${journey.server.url}/campaigns/${id}/invitations`);
    await checker.setContent(await page.content(), { waitUntil: "load" });
    await expectAccessible(checker);
    await page.getByLabel("Ignorer les lignes en erreur et importer seulement les lignes prêtes").check();
    await page.getByRole("button", { name: "Importer" }).click();
    await page.getByText("1 invitation importée.").waitFor();
    await expectAccessible(page, checker);
    expect(sqlite.prepare("select display_name from invitation where email = 'jerome@exemple.fr'").get()).toEqual({ display_name: "Jérôme Lefèvre" });
    sqlite.close();
    await checker.context().close();
    await context.close();
    // Two sign-ins and three axe passes on a loaded CI machine: a ceiling, not a speed check.
  }, 240_000);
});
