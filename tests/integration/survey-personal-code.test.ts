import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/connection";
import { answerKey, isScreening } from "../../app/modules/surveys/questions";
import { loadSurvey } from "../../app/modules/surveys/survey.server";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { dataPath, decodeRouteData } from "../helpers/http";
import { addPersonalInvitation, fillDraft } from "./survey-fixtures";

const SECRET = "Je n'ose pas le dire à la mairie";

// The council holds every personal code (CSV export, printed QR sheets). Using one must never
// show, change or submit what the person has typed: only the resume code, which the person
// alone has seen, opens a draft.
describe("a personal invitation code does not open its holder's draft, over HTTP", () => {
  let server: AppServer;
  let db: Db;
  beforeAll(async () => {
    server = await startAppServer();
    db = createDb(server.dbPath).db;
  });
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  it("the council using the same personal code gets a blank draft: the answers typed are neither visible nor changed nor submitted", async () => {
    const campaign = await db.selectFrom("campaign").select("id").where("state", "=", "open").executeTakeFirstOrThrow();
    const invitation = await addPersonalInvitation(db, campaign.id, { email: "camille@exemple.fr" });
    // The person starts and answers every screen, with a free text, and stops before sending.
    const person = await fillDraft(db, invitation.code, (step) => (isScreening(step) ? { value: "yes" } : step.scale.type === "text" ? { value: SECRET } : step.scale.type === "yes_no" ? { value: "no" } : { dontKnow: true }));
    const textStep = person.steps.find((s) => s.scale.type === "text")!;

    // The council, code in hand: the welcome page, then « Commencer ».
    const welcome = await fetch(`${server.url}/s/${invitation.code}`);
    expect(await welcome.text()).not.toContain(SECRET);
    const started = await fetch(`${server.url}/s/${invitation.code}`, { method: "POST", body: new URLSearchParams(), redirect: "manual" });
    expect(started.status).toBe(302);
    const councilPath = new URL(started.headers.get("location")!, server.url).pathname;
    expect(councilPath).toMatch(/^\/r\/[A-Z0-9]{10}$/);
    expect(councilPath).not.toBe(`/r/${person.resumeCode}`);

    // Every screen of that draft, and its loader data, is blank: the review lists no answer.
    const review = await fetch(`${server.url}${councilPath}?step=${person.steps.length}`);
    const reviewHtml = await review.text();
    expect(reviewHtml).toContain("<h1>Vérifiez avant d&#x27;envoyer</h1>");
    expect(reviewHtml).not.toContain(SECRET);
    const data = await fetch(`${server.url}${dataPath(`${councilPath}?step=${person.steps.length}`, "routes/r.$resume._index")}`);
    expect(data.status).toBe(200);
    expect(JSON.stringify(await decodeRouteData(data, "routes/r.$resume._index"))).not.toContain(SECRET);
    expect(await (await fetch(`${server.url}${councilPath}?step=${person.steps.indexOf(textStep)}`)).text()).not.toContain(SECRET);

    // Typing and sending through that path changes and sends nothing of the person's.
    const index = person.steps.indexOf(textStep);
    const saved = await fetch(`${server.url}${councilPath}`, { method: "POST", body: new URLSearchParams({ intent: "next", step: String(index), value: "Réponse de la mairie" }), redirect: "manual" });
    expect(saved.status).toBe(302);
    await fetch(`${server.url}${councilPath}/envoyer`, { method: "POST", body: new URLSearchParams({ intent: "submit" }), redirect: "manual" });
    const answers = await db.selectFrom("answer").select("value").where("value", "=", SECRET).execute();
    expect(answers).toEqual([]);
    const mine = (await loadSurvey(db, person.resumeCode))!;
    expect(mine.answers[answerKey(textStep)]).toBe(SECRET);
    expect(mine.draft.step).toBe(person.steps.length);
  });

  it("a personal invitation started in five tabs gets five blank drafts and still stores one response", async () => {
    const campaign = await db.selectFrom("campaign").select("id").where("state", "=", "open").executeTakeFirstOrThrow();
    const invitation = await addPersonalInvitation(db, campaign.id);
    const starts = await Promise.all(Array.from({ length: 5 }, () => fetch(`${server.url}/s/${invitation.code}`, { method: "POST", body: new URLSearchParams(), redirect: "manual" })));
    const paths = starts.map((r) => new URL(r.headers.get("location")!, server.url).pathname);
    expect(new Set(paths).size).toBe(5);
    // Each tab answers everything (« je ne sais pas »), then all five send at once.
    for (const path of paths) {
      const survey = (await loadSurvey(db, path.slice(3)))!;
      for (const index of survey.steps.keys()) {
        await fetch(`${server.url}${path}`, { method: "POST", body: new URLSearchParams({ intent: "next", step: String(index), dontKnow: "on" }), redirect: "manual" });
      }
    }
    const sent = await Promise.all(paths.map((path) => fetch(`${server.url}${path}/envoyer`, { method: "POST", body: new URLSearchParams({ intent: "submit" }), redirect: "manual" })));
    const landings = sent.map((r) => new URL(r.headers.get("location")!, server.url).pathname);
    expect(landings.filter((l) => l.endsWith("/merci"))).toHaveLength(1);
    const used = await db.selectFrom("invitation").select("response_count").where("id", "=", invitation.id).executeTakeFirstOrThrow();
    expect(used.response_count).toBe(1);
  });
});
