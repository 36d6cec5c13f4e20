import { mkdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { checkDataPackage } from "../../app/modules/publication/datapackage-check";
import { expectAccessible, hasChromium, signIn } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";

// The shared evaluation in Chromium, with the demo answers: the council opens the review, an
// association member disagrees with a reason, an invited stakeholder comments by their link,
// the council answers and publishes; then the
// public page, signed out, shows the disagreement, the answer and the method, its files
// download and validate, axe finds nothing at 1280 and 360 px, and the print is an A4 report.
describe.runIf(hasChromium)("shared evaluation journey in Chromium", () => {
  const journey = setUpBrowserJourney({ env: { DEMO_RESPONSES: "1" } });

  it("review → disagreement → answer → publication → public page, open data and print", async () => {
    const { server, browser } = journey;
    const councilContext = await browser.newContext();
    const council = await councilContext.newPage();
    await signIn(council, server.url, "elu@demo.fr", "demo-demo-demo");
    await council.goto(`${server.url}/campaigns`);
    await council.getByRole("link", { name: /Évaluation 2026/ }).first().click();
    await council.waitForURL(/\/campaigns\/[^/]+$/);
    const campaignUrl = council.url();
    await council.getByRole("link", { name: "Clôturer" }).click();
    await council.getByRole("button", { name: "Oui, clôturer la campagne" }).click();
    await council.getByRole("link", { name: "Passer en relecture" }).click();
    await council.getByRole("button", { name: "Oui, passer en relecture" }).click();
    await council.locator(`a[href="${new URL(campaignUrl).pathname}/review"]`).click();
    await council.waitForURL(/\/review$/);
    await expectAccessible(council);
    await council.getByRole("button", { name: "Ouvrir la relecture aux associations" }).click();
    await council.waitForSelector("text=relecture ouverte");
    const reviewUrl = council.url();

    const associationContext = await browser.newContext();
    const association = await associationContext.newPage();
    await signIn(association, server.url, "asso@demo.fr", "demo-demo-demo");
    await association.goto(reviewUrl);
    const firstFinding = association.locator("section.finding").first();
    await firstFinding.getByLabel("Pas d'accord").check();
    await firstFinding.getByLabel("Raison").fill("Les personnes sorties vers l'emploi n'ont pas été interrogées.");
    await firstFinding.getByRole("button", { name: "Enregistrer ma position" }).click();
    await association.waitForSelector("text=Les personnes sorties vers l'emploi n'ont pas été interrogées.");
    await expectAccessible(association);

    // An invited stakeholder, without an account, comments through their link; the council reads it by their label.
    await council.getByLabel("Adresse e-mail").fill("cc@example.org");
    await council.getByLabel("Organisation ou qualité").fill("Conseil citoyen du quartier Nord");
    await council.getByRole("button", { name: "Inviter à la relecture" }).click();
    await council.waitForSelector("text=Conseil citoyen du quartier Nord — invitation envoyée");
    const outbox = createDb(server.dbPath).db;
    const mail = await outbox.selectFrom("outbox_message").select("text_body").where("kind", "=", "review_guest_invitation").executeTakeFirstOrThrow();
    await outbox.destroy();
    const guestContext = await browser.newContext();
    const guest = await guestContext.newPage();
    await guest.goto(`${server.url}${/\/guest-review\/[\w-]+/.exec(mail.text_body)?.[0] ?? ""}`);
    const guestFinding = guest.locator("section.finding").first();
    await guestFinding.getByLabel("Commentaire").fill("Le quartier Nord demande une réunion publique.");
    await guestFinding.getByRole("button", { name: "Commenter" }).click();
    await guest.waitForSelector("text=Conseil citoyen du quartier Nord (partie prenante invitée)");
    await expectAccessible(guest);
    await guestContext.close();

    await council.reload();
    await council.waitForSelector("text=Le quartier Nord demande une réunion publique.");
    const councilFinding = council.locator("section.finding").first();
    await expect(councilFinding.textContent()).resolves.toContain("Ressourcerie du Nord");
    await councilFinding.getByLabel("Réponse", { exact: true }).fill("Nous interrogerons aussi les personnes sorties, à 6 mois.");
    await councilFinding.getByLabel("Ce qui va changer").first().fill("Enquête à 6 mois des sorties");
    await councilFinding.getByLabel("Qui s'en charge").first().fill("Service emploi");
    await councilFinding.getByRole("button", { name: "Enregistrer la réponse" }).click();
    await council.waitForSelector("text=Nous interrogerons aussi les personnes sorties");
    await council.getByRole("button", { name: "Clore la relecture" }).click();
    await council.waitForSelector("text=relecture close");
    // With JavaScript on, « Publier » lands on the public page itself (the redirect of the action).
    await council.getByRole("button", { name: "Publier l'évaluation" }).click();
    await council.waitForURL(/\/t\/commune-de-demo\/evaluations\/[^/]+$/);
    await council.waitForSelector("h2:has-text('Méthode')");
    const publicUrl = council.url();

    const publicContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const reader = await publicContext.newPage();
    await reader.goto(publicUrl);
    const text = (await reader.textContent("main")) ?? "";
    expect(text).toContain("Pas d'accord");
    expect(text).toContain("Les personnes sorties vers l'emploi n'ont pas été interrogées.");
    expect(text).toContain("Nous interrogerons aussi les personnes sorties, à 6 mois.");
    expect(text).toContain("Méthode");
    await expectAccessible(reader);
    await reader.setViewportSize({ width: 360, height: 800 });
    await expectAccessible(reader);

    // Downloads, as the page links them.
    const hrefs = await reader.locator(".downloads a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const files = new Map<string, string>();
    for (const href of hrefs) {
      const response = await reader.request.get(`${server.url}${href}`);
      expect(response.status()).toBe(200);
      files.set(href.split("/").pop() ?? "", new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.body()));
    }
    const descriptor: unknown = JSON.parse(files.get("datapackage.json") ?? "null");
    expect(checkDataPackage(descriptor, (path) => files.get(path) ?? null)).toEqual([]);
    expect(JSON.parse(files.get("evaluation.json") ?? "null")).toHaveProperty("tables.positions");
    expect(files.get("positions.csv")).toContain("disagree");

    // The print: an A4 PDF, and a screenshot of the print layout to look at.
    await reader.setViewportSize({ width: 1280, height: 900 });
    await reader.emulateMedia({ media: "print" });
    mkdirSync("test-results", { recursive: true });
    await reader.screenshot({ path: "test-results/evaluation-print.png", fullPage: true });
    const pdf = await reader.pdf({ format: "A4", printBackground: true, path: "test-results/evaluation-print.pdf" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(await reader.locator(".site-header").isVisible()).toBe(false);
    expect(await reader.getByRole("button", { name: /Imprimer/ }).count()).toBe(0);
  }, 420_000);
});
