import Database from "better-sqlite3";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import type { Framework } from "../../evaluation-frameworks/schema";
import { parseStoredDefinition } from "../../app/modules/frameworks/stored-definition";
import { newId } from "../../app/lib/ids";
import { createCampaign, transitionCampaign } from "../../app/modules/campaigns/campaigns.server";
import { campaignInvitations } from "../../app/modules/invitations/campaign-invitations.server";
import { expectAccessible, hasChromium, signIn } from "../helpers/browser";
import { setUpBrowserJourney } from "../helpers/journey";

/**
 * A short published framework of the demo territory, for the residents: a Likert question, a
 * number (to see its error message), an optional Likert (to skip) and free text. Written into
 * the server's database as the framework editor would publish it.
 */
async function openShortCampaign(dbPath: string) {
  const { db } = createDb(dbPath);
  try {
    const territory = await db.selectFrom("territory").select("id").where("slug", "=", "commune-de-demo").executeTakeFirstOrThrow();
    const admin = await db.selectFrom("membership").select(["user_id"]).where("territory_id", "=", territory.id).where("role", "=", "admin").executeTakeFirstOrThrow();
    const starter = await db
      .selectFrom("framework_version as v")
      .innerJoin("framework as f", "f.id", "v.framework_id")
      .select(["v.definition"])
      .where("f.slug", "=", "utilite-sociale-territoriale")
      .executeTakeFirstOrThrow();
    const base = parseStoredDefinition(starter.definition);
    const pick = (id: string) => base.indicators.find((i) => i.id === id)!;
    const definition: Framework = {
      ...base,
      scales: [...base.scales, { id: "visites_mois", type: "number", unit: { fr: "visites par mois", en: "visits per month" }, min: 0, max: 60, integer: true }],
      indicators: [
        pick("pa_agir_quartier"),
        { ...pick("dl_frequentation"), id: "dl_visites", scale: "visites_mois", question: { fr: "Combien de fois par mois venez-vous à la ressourcerie ?", en: "How many times a month do you come to the ressourcerie?" } },
        pick("pa_rencontres"),
        pick("pa_recit"),
      ],
    };
    const frameworkId = newId();
    const versionId = newId();
    const now = new Date().toISOString();
    await db.insertInto("framework").values({ id: frameworkId, territory_id: territory.id, slug: "enquete-courte", forked_from_framework_id: null, created_at: now }).execute();
    await db
      .insertInto("framework_version")
      .values({ id: versionId, framework_id: frameworkId, territory_id: territory.id, version_number: 1, status: "published", definition: JSON.stringify(definition), created_at: now, published_at: now })
      .execute();
    const project = await db.selectFrom("project").select("id").where("territory_id", "=", territory.id).where("name", "=", "Ressourcerie du Nord").executeTakeFirstOrThrow();
    const actor = { territoryId: territory.id, userId: admin.user_id };
    const created = await createCampaign(db, actor, {
      title: "Enquête courte ressourcerie",
      description: "Quatre questions.",
      frameworkVersionId: versionId,
      projectIds: [project.id],
      groupIds: ["residents"],
      isAnonymous: true,
      k: 5,
      neighbourhoods: "",
    }, campaignInvitations);
    if (!created.ok) throw new Error(JSON.stringify(created));
    await transitionCampaign(db, actor, created.id, "open", campaignInvitations);
    const link = await db.selectFrom("invitation").select("code").where("campaign_id", "=", created.id).executeTakeFirstOrThrow();
    return { campaignId: created.id, code: link.code };
  } finally {
    await db.destroy();
  }
}

/** Every control a thumb has to hit on a 360 px screen is at least 44 px high. */
async function expectLargeTargets(page: Page) {
  const heights = await page.locator("main button, main .answer-options label, main input[type=text], main textarea").evaluateAll((els) => els.map((e) => [e.textContent?.trim().slice(0, 30), e.getBoundingClientRect().height]));
  expect(heights.filter(([, h]) => (h as number) < 44)).toEqual([]);
}

describe.skipIf(!hasChromium)("resident survey in Chromium with JavaScript off", () => {
  const journey = setUpBrowserJourney();

  it("answers with « je ne sais pas », fixes a number, stops, resumes with the code, sends once; the council sees it counted", async () => {
    const { campaignId, code } = await openShortCampaign(journey.server.dbPath);
    const checkerContext = await journey.browser.newContext();
    checkerContext.setDefaultTimeout(60_000);
    const checker = await checkerContext.newPage();
    const residentContext = await journey.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });
    residentContext.setDefaultTimeout(60_000);
    const resident = await residentContext.newPage();

    await resident.goto(`${journey.server.url}/s/${code}`);
    await expectAccessible(resident, checker);
    await resident.getByRole("button", { name: "Commencer" }).click();

    // 0. « Connaissez-vous ce projet ? » first: yes, so its questions follow.
    await resident.getByText("Question 1 sur 5").waitFor();
    expect(await resident.title()).toBe("Question 1 sur 5 — Enquête courte ressourcerie");
    await resident.getByRole("heading", { name: "Connaissez-vous ce projet : Ressourcerie du Nord ?" }).waitFor();
    await resident.getByLabel("Oui, je connais ce projet").check();
    await resident.getByRole("button", { name: "Suivant" }).click();

    // 1. « Je ne sais pas » on the first question.
    await resident.getByText("Question 2 sur 5").waitFor();
    await expectAccessible(resident, checker);
    await expectLargeTargets(resident);
    await resident.getByLabel("Je ne sais pas, ou ça ne me concerne pas").check();
    await resident.getByRole("button", { name: "Suivant" }).click();

    // 2. A number that is not one: a French message, and what was typed is still there.
    await resident.getByText("Question 3 sur 5").waitFor();
    // The allowed range is said before any error.
    await resident.getByText("Un nombre entier entre 0 et 60.").waitFor();
    await resident.getByLabel("visites par mois").fill("beaucoup");
    await resident.getByRole("button", { name: "Suivant" }).click();
    await resident.getByText("Écrivez un nombre entre 0 et 60.").waitFor();
    expect(await resident.getByLabel("visites par mois").inputValue()).toBe("beaucoup");
    // axe needs JavaScript: the same error is produced on the checker page (JS on) and checked.
    await checker.goto(resident.url());
    await checker.getByLabel("visites par mois").fill("beaucoup");
    await checker.getByRole("button", { name: "Suivant" }).click();
    await checker.getByText("Écrivez un nombre entre 0 et 60.").waitFor();
    expect(await checker.getByLabel("visites par mois").inputValue()).toBe("beaucoup");
    await expectAccessible(checker);
    await resident.getByLabel("visites par mois").fill("4");
    await resident.getByRole("button", { name: "Suivant" }).click();

    // 3. An optional question is skipped.
    await resident.getByText("Question 4 sur 5").waitFor();
    await resident.getByText("Vous pouvez passer cette question.").waitFor();
    await resident.getByRole("button", { name: "Passer cette question" }).click();

    // 4. Stop here: note the code, come back later from the code page.
    await resident.getByText("Question 5 sur 5").waitFor();
    const resumeCode = (await resident.getByTestId("resume-code").textContent())!.trim();
    expect(resumeCode).toMatch(/^[A-Z0-9]{10}$/);
    await resident.close();
    const later = await residentContext.newPage();
    await later.goto(`${journey.server.url}/s`);
    await expectAccessible(later, checker);
    await later.getByLabel("Vous avez un code d'enquête ou de reprise ?").fill(resumeCode.toLowerCase());
    await later.getByRole("button", { name: "Reprendre" }).click();
    await later.getByText("Question 5 sur 5").waitFor();
    await later.getByRole("button", { name: "Précédent" }).click();
    await later.getByText("Question 4 sur 5").waitFor();
    await later.getByRole("button", { name: "Précédent" }).click();
    expect(await later.getByLabel("visites par mois").inputValue()).toBe("4");
    await later.getByRole("button", { name: "Suivant" }).click();
    await later.getByRole("button", { name: "Passer cette question" }).click();
    // The free-text limit is said before typing (1 000 characters in this framework).
    await later.getByText(/1\s000 caractères au maximum\./).waitFor();
    await later.getByLabel("Votre réponse").fill("Un endroit où l'on se parle.");
    await later.getByRole("button", { name: "Suivant" }).click();

    // Review, then send.
    await later.getByRole("heading", { name: "Vérifiez avant d'envoyer" }).waitFor();
    await expectAccessible(later, checker);
    await later.getByText("Un endroit où l'on se parle.").waitFor();
    // « Modifier » opens the question; « Suivant » comes straight back to the review.
    await later.getByRole("link", { name: /Modifier — Combien de fois par mois/ }).click();
    expect(await later.getByLabel("visites par mois").inputValue()).toBe("4");
    await later.getByLabel("visites par mois").fill("5");
    await later.getByRole("button", { name: "Suivant" }).click();
    await later.getByRole("heading", { name: "Vérifiez avant d'envoyer" }).waitFor();
    await later.getByText("5 visites par mois").waitFor();
    await later.getByRole("button", { name: "Envoyer mes réponses" }).click();
    await later.getByRole("heading", { name: "Merci pour votre participation !" }).waitFor();
    await expectAccessible(later, checker);

    // The e-mail for the publication is kept apart.
    await later.getByLabel("Votre adresse e-mail").fill("habitant@exemple.fr");
    await later.getByRole("button", { name: "Me prévenir" }).click();
    await later.getByText("C'est noté").waitFor();
    await expectAccessible(later, checker);

    // Back button, then the same submit again: still the thank-you page, still one response.
    await later.goBack();
    await later.goBack();
    await later.reload();
    await later.getByRole("heading", { name: "Merci pour votre participation !" }).waitFor();
    const replay = await residentContext.request.post(`${journey.server.url}/r/${resumeCode}/envoyer`, { form: { intent: "submit" }, maxRedirects: 0 });
    expect(replay.status()).toBe(302);
    expect(replay.headers().location).toContain(`/r/${resumeCode}/merci`);
    const sqlite = new Database(journey.server.dbPath, { readonly: true });
    expect(sqlite.prepare("select count(*) as n from response where campaign_id = ?").get(campaignId)).toEqual({ n: 1 });
    expect(sqlite.prepare("select value from answer a join response r on r.id = a.response_id where r.campaign_id = ? and a.indicator_id = 'dl_visites'").get(campaignId)).toEqual({ value: "5" });
    expect(sqlite.prepare("select count(*) as n from results_subscriber where campaign_id = ?").get(campaignId)).toEqual({ n: 1 });
    sqlite.close();
    await residentContext.close();

    // The council sees the response counted, and the warning that residents are under k = 5.
    const council = await (await journey.browser.newContext()).newPage();
    await signIn(council, journey.server.url, "elu@demo.fr", "demo-demo-demo");
    await council.goto(`${journey.server.url}/campaigns/${campaignId}`);
    await council.getByRole("link", { name: "Suivre la participation" }).click();
    await council.getByRole("heading", { name: /Participation — Enquête courte ressourcerie/ }).waitFor();
    expect(await council.getByTestId("total-responses").textContent()).toBe("1");
    await council.getByText("moins de 5 réponses : ses résultats seront masqués").waitFor();
    await council.locator("table caption", { hasText: "Réponses par jour" }).waitFor();
    await expectAccessible(council);
  }, 180_000);
});
