import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, demoFacts } from "../helpers/db";
import { asResponse, cookieOf, formPost } from "../helpers/http";
import { nth } from "../helpers/present";

// Route actions called as Remix calls them, on a real database file: the app's db singleton
// reads DATABASE_URL, so it is set before the routes are imported.
const testDb = await createTestDb({ seed: true });
process.env.DATABASE_URL = testDb.path;
const { startUserSession } = await import("../../app/modules/accounts/session.server");
const newCampaign = await import("../../app/routes/campaigns.new");
const login = await import("../../app/routes/login");
const surveyStep = await import("../../app/routes/r.$resume._index");
const { loadSurvey, startSurvey } = await import("../../app/modules/surveys/survey.server");

let cookie = "";
beforeAll(async () => {
  const { admin } = await demoFacts(testDb.db);
  const response = await startUserSession(testDb.db, new Request("http://localhost/login"), admin.userId, admin.territoryId, "/dashboard");
  cookie = cookieOf(response);
});
afterAll(() => testDb.cleanup());

function post(path: string, fields: Record<string, string | string[]>) {
  return formPost(`http://localhost${path}`, fields, cookie);
}

describe("route actions", () => {
  it("a rejected campaign form comes back with what was typed and a French message per field", async () => {
    const response = asResponse(await newCampaign.action({ request: post("/campaigns/new", { title: "Év", k: "2", description: "Pourquoi nous évaluons" }), params: {}, context: {} }));
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply.initialValue).toMatchObject({ title: "Év", k: "2", description: "Pourquoi nous évaluons" });
    expect(reply.error.title).toEqual(["errors.titleRequired"]);
    expect(reply.error.k).toEqual(["errors.kTooSmall"]);
    expect(reply.error.projectIds).toEqual(["errors.chooseProjects"]);
  });

  it("a campaign naming another territory's project is refused, not created", async () => {
    const version = nth(await testDb.db.selectFrom("framework_version").select("id").where("status", "=", "published").execute(), 0);
    const response = asResponse(await newCampaign.action({
      request: post("/campaigns/new", { title: "Campagne", frameworkVersionId: version.id, projectIds: ["not-ours"], groupIds: ["residents"], k: "5" }),
      params: {},
      context: {},
    }));
    expect(response.status).toBe(400);
    expect((await response.json()).error.projectIds).toEqual(["errors.chooseProjects"]);
    expect(await testDb.db.selectFrom("campaign").select("id").where("title", "=", "Campagne").execute()).toHaveLength(0);
  });

  it("an oversized free-text answer comes back kept, with « trop long », not an error page", async () => {
    const { code } = await testDb.db.selectFrom("invitation").select("code").where("kind", "=", "open_link").where("group_id", "=", "residents").executeTakeFirstOrThrow();
    const started = await startSurvey(testDb.db, code);
    if (!started.ok) throw new Error(started.status);
    const steps = (await loadSurvey(testDb.db, started.resumeCode))!.steps;
    const textStep = steps.findIndex((step) => step.scale.type === "text");
    const typed = "Mon avis. ".repeat(3_000);
    const response = asResponse(await surveyStep.action({ request: post(`/r/${started.resumeCode}`, { intent: "next", step: String(textStep), value: typed }), params: { resume: started.resumeCode }, context: {} }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { key: "survey.textTooLong" }, typed });
  });

  it("a wrong password keeps the e-mail typed and never sends the password back", async () => {
    const response = asResponse(await login.action({ request: post("/login", { email: "elu@demo.fr", password: "pas-le-bon" }), params: {}, context: {} }));
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply.initialValue.email).toBe("elu@demo.fr");
    expect(reply.initialValue.password).toBeUndefined();
    expect(reply.error[""]).toEqual(["auth.invalid"]);
  });
});
