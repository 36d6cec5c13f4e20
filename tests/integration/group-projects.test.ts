import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, demoFacts } from "../helpers/db";
import { asResponse, cookieOf, formPost } from "../helpers/http";

// Issue #15: a group is asked only about the projects the council ticked for it. The edit
// form's grid, the database freeze, and every door an answer could come through: survey screens,
// a forged POST, the submit endpoint, paper sheets, workshops; results say « non interrogé ».
const testDb = await createTestDb({ seed: true });
process.env.DATABASE_URL = testDb.path;
const { startUserSession } = await import("../../app/modules/accounts/session.server");
const { transitionCampaign, getCampaignScope } = await import("../../app/modules/campaigns/campaigns.server");
const { campaignInvitations } = await import("../../app/modules/invitations/campaign-invitations.server");
const { startSubmitServer } = await import("../helpers/submit-server");
const { surveySubmitPath } = await import("../../app/modules/surveys/submit-paths");
const { recordPaperBatch } = await import("../../app/modules/paper/paper.server");
const { createWorkshop } = await import("../../app/modules/workshops/workshops.server");
const { getCampaignResults } = await import("../../app/modules/results/results.server");
const { createDraftCampaign } = await import("../helpers/campaigns");
const { groupProjectKey } = await import("../../app/modules/campaigns/group-projects");
const editRoute = await import("../../app/routes/campaigns.$campaignId.edit");
const welcomeRoute = await import("../../app/routes/s.$code._index");
const stepRoute = await import("../../app/routes/r.$resume._index");

const db = testDb.db;
let cookie = "";
let admin: { userId: string; territoryId: string };
let ressourcerie = "";
let clauses = "";
/** Every group × project pair of the campaigns below, as the edit form's grid names them. */
let everyPair: string[] = [];
let server: Awaited<ReturnType<typeof startSubmitServer>> | undefined;
let url = "";

beforeAll(async () => {
  const facts = await demoFacts(db);
  admin = facts.admin;
  ressourcerie = facts.projects.find((p) => p.name.startsWith("Ressourcerie"))!.id;
  clauses = facts.projects.find((p) => p.name.startsWith("Clauses"))!.id;
  everyPair = ["residents", "associations"].flatMap((g) => [ressourcerie, clauses].map((p) => key(g, p)));
  cookie = cookieOf(await startUserSession(db, new Request("http://localhost/login"), admin.userId, admin.territoryId, "/dashboard"));
  // The submit endpoint answers before Remix (server.ts): served here the same way.
  server = await startSubmitServer(db);
  url = server.url;
});
afterAll(async () => {
  await server?.close();
  await testDb.cleanup();
});

function key(groupId: string, projectId: string) {
  return groupProjectKey({ groupId, projectId });
}

function postEdit(campaignId: string, asked: string[]) {
  const fields = { scope: "all", title: "Qui juge quoi", frameworkVersionId: "", projectIds: [ressourcerie, clauses], groupIds: ["residents", "associations"], k: "3", isAnonymous: "on", shown: everyPair, asked };
  return { send: (versionId: string) => editRoute.action({ request: formPost(`http://localhost/campaigns/${campaignId}/edit`, { ...fields, frameworkVersionId: versionId }, cookie), params: { campaignId }, context: {} }).then(asResponse) };
}

/** A draft on both projects for residents and associations, narrowed through the edit form, then opened. */
async function narrowedCampaign() {
  const { campaignId, version } = await createDraftCampaign(db, { projectIds: [ressourcerie, clauses], groupIds: ["residents", "associations"], k: 3 });
  const saved = await postEdit(campaignId, everyPair.filter((k) => k !== key("residents", clauses))).send(version.id);
  expect(saved.status).toBe(302);
  expect((await transitionCampaign(db, admin, campaignId, "open", campaignInvitations)).ok).toBe(true);
  const code = async (groupId: string) => (await db.selectFrom("invitation").select("code").where("campaign_id", "=", campaignId).where("group_id", "=", groupId).executeTakeFirstOrThrow()).code;
  return { campaignId, residents: await code("residents"), associations: await code("associations") };
}

async function startDraft(code: string): Promise<string> {
  const started = await welcomeRoute.action({ request: new Request(`http://localhost/s/${code}`, { method: "POST" }), params: { code }, context: {} });
  const location = asResponse(started).headers.get("location") ?? "";
  expect(location).toMatch(/^\/r\/[A-Z0-9]+$/);
  return location.slice(3);
}

async function welcome(code: string) {
  return (await asResponse(await welcomeRoute.loader({ request: new Request(`http://localhost/s/${code}`), params: { code }, context: {} })).json()) as { projects: string[]; questionCount: number };
}

describe("who is asked about which project", () => {
  it("the grid is saved as the council ticked it; a group left with no project is refused in French with the form refilled", async () => {
    const { campaignId, version } = await createDraftCampaign(db, { projectIds: [ressourcerie, clauses], groupIds: ["residents", "associations"] });
    const refused = postEdit(campaignId, [key("residents", ressourcerie)]);
    const reply = await refused.send(version.id);
    expect(reply.status).toBe(400);
    const body = (await reply.json()) as { error: Record<string, string[]>; initialValue: Record<string, unknown> };
    expect(body.error.asked).toEqual(["Le groupe « Associations et structures de l'ESS » doit être interrogé sur au moins un projet : cochez-en un."]);
    expect(body.initialValue.asked).toEqual(key("residents", ressourcerie));
    expect(await db.selectFrom("campaign_group_unasked").selectAll().where("campaign_id", "=", campaignId).execute()).toEqual([]);

    expect((await postEdit(campaignId, [key("residents", ressourcerie), key("associations", clauses)]).send(version.id)).status).toBe(302);
    const scope = await getCampaignScope(db, admin.territoryId, campaignId);
    expect(scope.unasked).toEqual(expect.arrayContaining([{ groupId: "residents", projectId: clauses }, { groupId: "associations", projectId: ressourcerie }]));
    expect(scope.unasked).toHaveLength(2);
  });

  it("is frozen once the campaign is open, like its questions", async () => {
    const { campaignId } = await narrowedCampaign();
    const row = { territory_id: admin.territoryId, campaign_id: campaignId, group_id: "associations", project_id: clauses };
    await expect(db.insertInto("campaign_group_unasked").values(row).execute()).rejects.toThrow(/frozen once open/);
    await expect(db.deleteFrom("campaign_group_unasked").where("campaign_id", "=", campaignId).execute()).rejects.toThrow(/frozen once open/);
  });

  it("residents see only the ressourcerie; a forged POST for the clauses, even in the draft itself, never becomes an answer", async () => {
    const { campaignId, residents, associations } = await narrowedCampaign();
    const names = await db.selectFrom("project").select(["id", "name"]).where("id", "in", [ressourcerie, clauses]).execute();
    const nameOf = (id: string) => names.find((n) => n.id === id)!.name;
    expect((await welcome(residents)).projects).toEqual([nameOf(ressourcerie)]);
    expect((await welcome(associations)).projects).toEqual([nameOf(ressourcerie), nameOf(clauses)]);

    const resume = await startDraft(residents);
    // Forged screens: every step index the form could name, with a project field the form never has.
    for (let step = 0; step < 40; step++) {
      const request = formPost(`http://localhost/r/${resume}`, { intent: "next", step: String(step), projectId: clauses, ...(step === 0 ? { value: "yes" } : { value: "4", dontKnow: "on" }) }, "");
      await stepRoute.action({ request, params: { resume }, context: {} });
    }
    // And answers about the clauses written straight into the draft, as if a screen had let them through.
    const draft = await db.selectFrom("survey_draft").select(["id", "answers"]).where("resume_code", "=", resume).executeTakeFirstOrThrow();
    const answers = { ...(JSON.parse(draft.answers) as Record<string, string>), [`${clauses}:~known`]: "yes", [`${clauses}:pa_faire_bouger`]: "5" };
    await db.updateTable("survey_draft").set({ answers: JSON.stringify(answers) }).where("id", "=", draft.id).execute();

    const submitted = await fetch(`${url}${surveySubmitPath(resume)}`, { method: "POST", body: new URLSearchParams({ intent: "submit" }), redirect: "manual" });
    expect(submitted.status).toBe(302);
    expect(submitted.headers.get("location")).toBe(`/r/${resume}/merci`);
    const stored = await db.selectFrom("answer as a").innerJoin("response as r", "r.id", "a.response_id").select(["a.project_id"]).where("r.campaign_id", "=", campaignId).execute();
    expect(stored.length).toBeGreaterThan(0);
    expect(stored.every((a) => a.project_id === ressourcerie)).toBe(true);
    const cells = await db.selectFrom("count_cell").select("project_id").where("campaign_id", "=", campaignId).where("group_id", "=", "residents").execute();
    expect(cells.filter((c) => c.project_id === clauses)).toEqual([]);
  });

  it("paper sheets and workshops refuse a group about a project it is not asked about", async () => {
    const { campaignId } = await narrowedCampaign();
    const paper = await recordPaperBatch(db, admin.territoryId, campaignId, { groupId: "residents", projectId: clauses, rows: [{ pa_faire_bouger: "4" }] });
    expect(paper).toMatchObject({ ok: false, formErrors: [{ key: "paper.errors.projectNotAsked" }] });
    const accepted = await recordPaperBatch(db, admin.territoryId, campaignId, { groupId: "associations", projectId: clauses, rows: [{ pa_avis_compte: "4" }] });
    expect(accepted).toMatchObject({ ok: true, saved: 1 });

    const workshop = await createWorkshop(db, admin.territoryId, campaignId, { heldOn: "2026-11-18", place: "Salle des fêtes", projectId: clauses, groupIds: ["residents", "associations"], indicatorIds: ["pa_avis_compte"] });
    expect(workshop).toMatchObject({ ok: false, fieldErrors: { groupIds: [{ key: "workshops.errors.groupNotAsked" }] } });
  });

  it("results name the pair « not asked » and hold no figure for it, neither 0 nor hidden", async () => {
    const { campaignId } = await narrowedCampaign();
    expect((await transitionCampaign(db, admin, campaignId, "closed", campaignInvitations)).ok).toBe(true);
    const results = await getCampaignResults(db, admin.territoryId, campaignId);
    if (!results.available) throw new Error("closed campaign without results");
    expect(results.notAsked).toEqual([{ groupId: "residents", projectId: clauses }]);
    const figures = results.indicators.flatMap((i) => i.figures);
    expect(figures.some((f) => f.projectId === clauses && f.groupId === "associations")).toBe(true);
    expect(figures.filter((f) => f.projectId === clauses && f.groupId === "residents")).toEqual([]);
  });
});
