import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/connection";
import { createTerritoryWithAdmin } from "../../app/modules/accounts/territories.server";
import { checkDataPackage } from "../../app/modules/publication/datapackage-check";
import { OPEN_DATA_TABLES } from "../../app/modules/publication/files";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { signInCookie } from "../helpers/http";

const SLUG = "commune-de-demo";

// The shared evaluation over HTTP against the real server and the demo data (whose 2025
// campaign the seed publishes): review actions, publication, public page, open data.
describe("shared evaluation: review, publication and open data", () => {
  let server: AppServer;
  let db: Db;
  let council: string;
  let association: string;

  beforeAll(async () => {
    server = await startAppServer({ DEMO_RESPONSES: "1" });
    db = createDb(server.dbPath).db;
    council = await signInCookie(server.url, "elu@demo.fr", "demo-demo-demo");
    association = await signInCookie(server.url, "asso@demo.fr", "demo-demo-demo");
  }, 240_000);
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  const post = (path: string, fields: Record<string, string>, cookie: string) =>
    fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { cookie, origin: server.url }, redirect: "manual" });
  const get = (path: string, cookie?: string) => fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  const publishedEvaluation = () => db.selectFrom("evaluation").select(["id", "campaign_id"]).where("state", "=", "published").executeTakeFirstOrThrow();
  const dataFile = async (id: string, file: string) => {
    const response = await get(`/t/${SLUG}/evaluations/${id}/data/${file}`);
    expect(response.status).toBe(200);
    // Keep the BOM (fetch's text() drops it): Excel-FR needs it.
    return new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
  };
  const csvRows = (text: string) => parse(text.replace(/^\uFEFF/, ""), { delimiter: ";", columns: true }) as Record<string, string>[];

  it("the demo's published evaluation is public without signing in: disagreement, answer, method and the home link", async () => {
    const { id } = await publishedEvaluation();
    const home = await (await get("/")).text();
    expect(home).toContain(`href="/t/${SLUG}/evaluations"`);
    const index = await (await get(`/t/${SLUG}/evaluations`)).text();
    expect(index).toContain(`/t/${SLUG}/evaluations/${id}`);
    const page = await get(`/t/${SLUG}/evaluations/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Pas d&#x27;accord");
    expect(html).toContain("Ressourcerie du Nord");
    expect(html).toContain("Le score ne tient pas compte des personnes sorties");
    expect(html).toContain("les sorties à 6 mois seront suivies");
    expect(html).toContain("Méthode");
    expect(html).toContain("Qui a été invité, qui a répondu");
    // The public sees associations, never the reviewer's name.
    expect(html).not.toContain("Karim Benali");
  });

  it("CSV and JSON download and parse, the data package validates, and masking is the same in CSV, JSON and page", async () => {
    const { id } = await publishedEvaluation();
    const descriptor: unknown = JSON.parse(await dataFile(id, "datapackage.json"));
    const files = new Map<string, string>();
    for (const name of OPEN_DATA_TABLES) files.set(`${name}.csv`, await dataFile(id, `${name}.csv`));
    expect(checkDataPackage(descriptor, (path) => files.get(path) ?? null)).toEqual([]);
    const scoresCsv = files.get("scores.csv") ?? "";
    expect(scoresCsv.startsWith("\uFEFF")).toBe(true);
    const json = JSON.parse(await dataFile(id, "evaluation.json")) as { tables: Record<string, Record<string, unknown>[]> };
    const csvScores = csvRows(scoresCsv);
    const jsonScores = json.tables.scores ?? [];
    expect(csvScores.length).toBe(jsonScores.length);
    csvScores.forEach((row, index) => {
      const twin = jsonScores[index];
      expect(row.status).toBe(twin?.status);
      if (row.status === "masque") expect([row.score, twin?.score]).toEqual(["", null]);
      else if (row.status === "shown") expect(Number((row.score ?? "").replace(",", "."))).toBe(twin?.score);
    });
    // The page says « masqué » exactly where the files do (headline and group scores, and indicators).
    const html = await (await get(`/t/${SLUG}/evaluations/${id}`)).text();
    const maskedIn = (name: string) => csvRows(files.get(`${name}.csv`) ?? "").filter((r) => r.status === "masque").length;
    const maskedInFiles = maskedIn("scores") + maskedIn("indicators") + maskedIn("reported");
    const maskedOnPage = (html.match(/class="masked"/g) ?? []).length;
    // The radar tables repeat the headline scores: count those once more.
    const headlineMasked = csvScores.filter((r) => r.status === "masque" && r.group_id === "*").length;
    expect(maskedOnPage).toBe(maskedInFiles + headlineMasked);
    // The ressourcerie's reported figures face their targets, on the page and in the files.
    const reported = csvRows(files.get("reported.csv") ?? "");
    const exits = reported.find((r) => r.indicator_id === "sorties_nombre" && r.project === "Ressourcerie du Nord");
    expect(exits).toMatchObject({ kind: "reported", status: "shown", value: "12" });
    expect(reported.some((r) => r.kind === "computed" && r.status === "shown" && r.target !== "")).toBe(true);
    expect(html).toContain("Chiffres déclarés face aux cibles");
  });

  it("council opens the review, an association disagrees (formula-looking reason), the council answers and publishes; subscribers are told once and deleted", async () => {
    const campaign = await db.selectFrom("campaign").select("id").where("title", "like", "Évaluation 2026%").executeTakeFirstOrThrow();
    const base = `/campaigns/${campaign.id}`;
    expect((await post(`${base}/transition`, { to: "closed" }, council)).status).toBe(302);
    // Publishing through the campaign's transitions is refused: it goes through the review.
    expect((await post(`${base}/transition`, { to: "in_review" }, council)).status).toBe(302);
    expect((await post(`${base}/transition`, { to: "published" }, council)).status).toBe(400);
    const evaluation = await db.selectFrom("evaluation").select(["id", "state"]).where("campaign_id", "=", campaign.id).executeTakeFirstOrThrow();
    expect(evaluation.state).toBe("draft");
    const finding = await db.selectFrom("finding").select("id").where("evaluation_id", "=", evaluation.id).orderBy("position").executeTakeFirstOrThrow();

    // Nothing unpublished is reachable signed out, nor with a guessed file name.
    expect((await get(`/t/${SLUG}/evaluations/${evaluation.id}`)).status).toBe(404);
    expect((await get(`/t/${SLUG}/evaluations/${evaluation.id}/data/scores.csv`)).status).toBe(404);
    expect((await get(`/t/${SLUG}/evaluations/${evaluation.id}?_data=routes%2Ft.%24territorySlug.evaluations.%24evaluationId._index`)).status).toBe(404);
    // The association cannot take a position before the review opens, and cannot open it.
    expect((await post(`${base}/review`, { intent: "position", target: finding.id, position: "disagree", reason: "Trop tôt" }, association)).status).toBe(400);
    expect((await post(`${base}/review`, { intent: "open", target: "" }, association)).status).toBe(403);

    expect((await post(`${base}/review`, { intent: "open", target: "" }, council)).status).toBe(302);
    // A refused form comes back with a message per field and what was typed.
    const refused = await post(`${base}/review`, { intent: "position", target: finding.id, position: "disagree", reason: "" }, association);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Indiquez la raison de votre position");
    const formula = '=HYPERLINK("http://evil.example","clic")';
    expect((await post(`${base}/review`, { intent: "position", target: finding.id, position: "disagree", reason: formula }, association)).status).toBe(302);
    // The council invites a stakeholder without an account: a personal link by e-mail, through the outbox.
    expect((await post(`${base}/review`, { intent: "invite", target: "", email: "pas-une-adresse", label: "Conseil citoyen" }, council)).status).toBe(400);
    expect((await post(`${base}/review`, { intent: "invite", target: "", email: "cc@example.org", label: "Conseil citoyen" }, association)).status).toBe(403);
    expect((await post(`${base}/review`, { intent: "invite", target: "", email: "cc@example.org", label: "Conseil citoyen du quartier Nord" }, council)).status).toBe(302);
    const invitation = await db.selectFrom("outbox_message").select(["to_address", "text_body"]).where("kind", "=", "review_guest_invitation").executeTakeFirstOrThrow();
    expect(invitation.to_address).toBe("cc@example.org");
    const guestPath = /\/guest-review\/[\w-]+/.exec(invitation.text_body)?.[0] ?? "";
    expect(guestPath).not.toBe("");
    expect((await get("/guest-review/not-a-token")).status).toBe(404);
    const guestPage = await get(guestPath);
    expect(guestPage.status).toBe(200);
    expect(await guestPage.text()).toContain("au titre de « Conseil citoyen du quartier Nord »");
    // Without an account, by the link alone: a position, and nothing else of the review page.
    const guestPost = (fields: Record<string, string>) => fetch(`${server.url}${guestPath}`, { method: "POST", body: new URLSearchParams(fields), headers: { origin: server.url }, redirect: "manual" });
    expect((await guestPost({ intent: "open", target: "" })).status).toBe(400);
    expect((await guestPost({ intent: "position", target: finding.id, position: "nuance", reason: "" })).status).toBe(400);
    expect((await guestPost({ intent: "position", target: finding.id, position: "nuance", reason: "Les habitant·es du quartier Nord n'ont pas tous été invités." })).status).toBe(302);
    // Everyone in the review sees it, named by the council's label.
    expect(await (await get(`${base}/review`, association)).text()).toContain("Conseil citoyen du quartier Nord");
    // The guest comments too: members, the council and guests read it under the label.
    const guestComment = "Nous demandons une réunion au quartier Nord avant la publication.";
    expect((await guestPost({ intent: "comment", target: finding.id, body: guestComment })).status).toBe(302);
    for (const page of [get(`${base}/review`, association), get(`${base}/review`, council), get(guestPath)]) {
      expect(await (await page).text()).toContain("Conseil citoyen du quartier Nord (partie prenante invitée)");
    }
    expect(await (await get(`${base}/review`, council)).text()).toContain(guestComment);
    const guestComments = () => db.selectFrom("guest_review_comment").select("body").execute();
    // Too long: the French message beside the field and the text typed come back, nothing written.
    const typed = "Un avis très détaillé sur ce constat. ".repeat(1_200);
    const tooLong = await guestPost({ intent: "comment", target: finding.id, body: typed });
    expect(tooLong.status).toBe(400);
    const tooLongHtml = await tooLong.text();
    expect(tooLongHtml).toContain("Écrivez un commentaire de 3 à 2 000 caractères");
    expect(tooLongHtml).toContain(typed.trim());
    // Past the site's form limit (64 KB) the server refuses before any route, in French.
    const huge = await guestPost({ intent: "comment", target: finding.id, body: "x".repeat(100_000) });
    expect(huge.status).toBe(413);
    expect(await huge.text()).toContain("Envoi trop volumineux");
    // Posted as single fetch (`.data`) from another site: refused before the route.
    const foreign = await fetch(`${server.url}${guestPath}.data`, { method: "POST", body: new URLSearchParams({ intent: "comment", target: finding.id, body: "Depuis un autre site." }), headers: { origin: "https://evil.example" }, redirect: "manual" });
    expect(foreign.status).toBe(403);
    expect((await guestComments()).map((c) => c.body)).toEqual([guestComment]);

    expect((await post(`${base}/review`, { intent: "answer", target: finding.id, response: "Nous revoyons ce point avec vous.", what0: "Réunion de suivi", who0: "Élue ESS", due0: "2027-01-15" }, council)).status).toBe(302);
    expect((await post(`${base}/review`, { intent: "publish", target: "" }, council)).status).toBe(400);
    expect((await post(`${base}/review`, { intent: "close", target: "" }, council)).status).toBe(302);
    const closed = await db.selectFrom("audit_log").select("action").where("entity_id", "=", evaluation.id).execute();
    expect(closed.map((a) => a.action)).toEqual(["review_opened", "review_closed"]);

    await db.insertInto("results_subscriber").values({ id: "sub-1", territory_id: (await db.selectFrom("campaign").select("territory_id").where("id", "=", campaign.id).executeTakeFirstOrThrow()).territory_id, campaign_id: campaign.id, email: "habitant@example.org" }).execute();
    const published = await post(`${base}/review`, { intent: "publish", target: "" }, council);
    expect(published.status).toBe(302);
    expect(published.headers.get("location")).toBe(`/t/${SLUG}/evaluations/${evaluation.id}`);
    expect((await post(`${base}/review`, { intent: "publish", target: "" }, council)).status).toBe(400);
    const told = await db.selectFrom("outbox_message").select(["to_address", "text_body"]).where("kind", "=", "evaluation_published").execute();
    expect(told.map((m) => m.to_address)).toEqual(["habitant@example.org"]);
    expect(told[0]?.text_body).toContain(`/t/${SLUG}/evaluations/${evaluation.id}`);
    expect(await db.selectFrom("results_subscriber").select("id").where("campaign_id", "=", campaign.id).execute()).toEqual([]);

    const html = await (await get(`/t/${SLUG}/evaluations/${evaluation.id}`)).text();
    expect(html).toContain("Nous revoyons ce point avec vous.");
    expect(html).toContain("Réunion de suivi");
    expect(html).toContain("Les habitant·es du quartier Nord n&#x27;ont pas tous été invités.");
    expect(html).toContain("Conseil citoyen du quartier Nord");
    // Once published, the link no longer takes positions nor comments; comments stay unpublished, like members'.
    expect((await guestPost({ intent: "position", target: finding.id, position: "agree", reason: "Trop tard pour changer." })).status).toBe(400);
    expect((await guestPost({ intent: "comment", target: finding.id, body: "Trop tard pour commenter." })).status).toBe(400);
    expect((await guestComments()).length).toBe(1);
    expect(html).not.toContain(guestComment);
    // The demo workshop's divided position and its minority view, in the page and the files.
    expect(html).toContain("Positions collectives des ateliers");
    expect(html).toContain("Deux personnes n&#x27;en ont entendu parler qu&#x27;à cet atelier");
    const workshopRows = csvRows(await dataFile(evaluation.id, "workshop_positions.csv"));
    expect(workshopRows).toEqual([expect.objectContaining({ kind: "divided", minority_view: "Deux personnes n'en ont entendu parler qu'à cet atelier : pour elles, rien n'a changé." })]);
    const positions = csvRows(await dataFile(evaluation.id, "positions.csv"));
    expect(positions.map((p) => p.reason)).toContain(`'${formula}`);
    // The earlier evaluation's commitments carry over to this campaign on the same projects.
    expect(html).toContain("Ce qui avait été promis / ce qui a été fait");
  });

  it("a published evaluation cannot be changed or deleted (database trigger)", async () => {
    const { id } = await publishedEvaluation();
    await expect(db.updateTable("evaluation").set({ summary: "réécrit" }).where("id", "=", id).execute()).rejects.toThrow(/published evaluation/);
    await expect(db.deleteFrom("evaluation").where("id", "=", id).execute()).rejects.toThrow(/published evaluation/);
  });

  it("another territory's member gets 404 on the review page and on every review action", async () => {
    await createTerritoryWithAdmin(db, { slug: "autre-commune", name: "Autre commune", kind: "commune", admin: { email: "admin@autre.fr", displayName: "Admin autre", password: "autre-autre-autre" } });
    const other = await signInCookie(server.url, "admin@autre.fr", "autre-autre-autre");
    const { campaign_id: campaignId } = await publishedEvaluation();
    const finding = await db.selectFrom("finding").select("id").executeTakeFirstOrThrow();
    expect((await get(`/campaigns/${campaignId}/review`, other)).status).toBe(404);
    const attempts: Record<string, string>[] = [
      { intent: "summary", target: "", summary: "x" },
      { intent: "finding", target: finding.id, title: "x", body: "xxxx" },
      { intent: "open", target: "" },
      { intent: "close", target: "" },
      { intent: "publish", target: "" },
      { intent: "comment", target: finding.id, body: "xxxx" },
      { intent: "answer", target: finding.id, response: "xxxx" },
      { intent: "outcome", target: finding.id, outcome: "xxxx" },
    ];
    for (const fields of attempts) {
      expect((await post(`/campaigns/${campaignId}/review`, fields, other)).status, fields.intent).toBe(404);
    }
    // The other territory's public index does not list the demo's evaluation.
    expect(await (await get("/t/autre-commune/evaluations")).text()).not.toContain(campaignId);
  });
});
