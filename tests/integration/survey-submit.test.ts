import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCampaign, transitionCampaign } from "../../app/modules/campaigns/campaigns.server";
import { campaignInvitations } from "../../app/modules/invitations/campaign-invitations.server";
import { listUsableFrameworkVersions } from "../../app/modules/frameworks/frameworks.server";
import { getCampaignResults } from "../../app/modules/results/results.server";
import { answerKey, isScreening, type RawAnswer } from "../../app/modules/surveys/questions";
import { submitSurvey } from "../../app/modules/surveys/submit.server";
import { loadSurvey, saveSurveyStep, startSurvey } from "../../app/modules/surveys/survey.server";
import { createTestDb, demoFacts } from "../helpers/db";
import { nth } from "../helpers/present";

type TestDb = Awaited<ReturnType<typeof createTestDb>>;
let t: TestDb;

beforeEach(async () => {
  t = await createTestDb({ seed: true });
});
afterEach(async () => {
  await t.cleanup();
});

/** A open campaign on one project for the first stakeholder group, k = 3; returns its open link code. */
async function openCampaign(k = 3) {
  const { admin, projects } = await demoFacts(t.db);
  const version = nth(await listUsableFrameworkVersions(t.db, admin.territoryId), 0);
  const group = version.definition.stakeholderGroups.find((g) => version.definition.indicators.some((i) => i.kind === "question" && i.audiences.includes(g.id)))!;
  const created = await createCampaign(t.db, admin, {
    title: "Campagne de test",
    description: "",
    frameworkVersionId: version.id,
    projectIds: [nth(projects, 0).id],
    groupIds: [group.id],
    isAnonymous: true,
    k,
    neighbourhoods: "",
  }, campaignInvitations);
  if (!created.ok) throw new Error(JSON.stringify(created));
  const opened = await transitionCampaign(t.db, admin, created.id, "open", campaignInvitations);
  expect(opened.ok).toBe(true);
  const link = await t.db.selectFrom("invitation").select("code").where("campaign_id", "=", created.id).executeTakeFirstOrThrow();
  return { campaignId: created.id, code: link.code, admin };
}

/** Starts a draft and answers every question with « je ne sais pas » except the first, answered `first`. */
async function fillDraft(code: string, first: RawAnswer) {
  const started = await startSurvey(t.db, code);
  if (!started.ok) throw new Error(started.status);
  const survey = (await loadSurvey(t.db, started.resumeCode))!;
  // The first question (after « Connaissez-vous ce projet ? », answered « je ne sais pas »: not a « no »).
  const firstQuestion = survey.steps.findIndex((step) => !isScreening(step));
  for (let i = 0; i < survey.steps.length; i++) {
    const raw: RawAnswer = i === firstQuestion ? first : { dontKnow: true };
    const saved = await saveSurveyStep(t.db, started.resumeCode, i, "next", raw);
    expect(saved.ok).toBe(true);
  }
  return { resumeCode: started.resumeCode, firstStep: nth(survey.steps, firstQuestion) };
}

describe("survey submission", () => {
  it("a second submit of the same draft keeps one response", async () => {
    const { code, campaignId } = await openCampaign();
    const { resumeCode } = await fillDraft(code, { dontKnow: true });
    const [a, b] = await Promise.all([submitSurvey(t.db, resumeCode), submitSurvey(t.db, resumeCode)]);
    expect([a.status, b.status].sort()).toEqual(["already", "submitted"]);
    expect((await submitSurvey(t.db, resumeCode)).status).toBe("already");
    const responses = await t.db.selectFrom("response").selectAll().where("campaign_id", "=", campaignId).execute();
    expect(responses).toHaveLength(1);
  });

  it("counts each answer in its cell in the same transaction as the response", async () => {
    const { code, campaignId } = await openCampaign();
    const { resumeCode, firstStep } = await fillDraft(code, { dontKnow: true });
    await submitSurvey(t.db, resumeCode);
    const cells = await t.db.selectFrom("count_cell").selectAll().where("campaign_id", "=", campaignId).where("indicator_id", "=", firstStep.indicator.id).execute();
    expect(Object.fromEntries(cells.map((c) => [c.value, c.count]))).toEqual({ "*": 1, dont_know: 1 });
  });

  it("an anonymous response keeps only its group, source and day", async () => {
    const { code } = await openCampaign();
    const { resumeCode } = await fillDraft(code, { dontKnow: true });
    await submitSurvey(t.db, resumeCode);
    const response = await t.db.selectFrom("response").selectAll().executeTakeFirstOrThrow();
    expect(response.invitation_id).toBeNull();
    expect(response.submitted_on).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await t.db.selectFrom("survey_draft").selectAll().execute()).toHaveLength(0);
  });

  it("keeps results hidden until k people have given a substantive answer (« Je ne sais pas » does not count)", async () => {
    const { code, campaignId, admin } = await openCampaign(3);
    for (let i = 0; i < 2; i++) await submitSurvey(t.db, (await fillDraft(code, { dontKnow: true })).resumeCode);
    // Results are read only on a closed campaign (no live results): close, read, reopen.
    expect((await transitionCampaign(t.db, admin, campaignId, "closed", campaignInvitations)).ok).toBe(true);
    let results = await getCampaignResults(t.db, admin.territoryId, campaignId);
    if (!results.available) throw new Error("a closed campaign has results");
    const answered = (r: typeof results) => (r.available ? r.indicators.flatMap((i) => i.figures).filter((f) => f.result.hidden || f.result.statistics.respondents > 0) : []);
    expect(answered(results).length).toBeGreaterThan(0);
    expect(answered(results).every((f) => f.result.hidden)).toBe(true);
    expect((await transitionCampaign(t.db, admin, campaignId, "open", campaignInvitations)).ok).toBe(true);
    await submitSurvey(t.db, (await fillDraft(code, { dontKnow: true })).resumeCode);
    expect((await transitionCampaign(t.db, admin, campaignId, "closed", campaignInvitations)).ok).toBe(true);
    results = await getCampaignResults(t.db, admin.territoryId, campaignId);
    // Three people answered, all « Je ne sais pas »: no figure rests on three substantive answers.
    expect(answered(results).every((f) => f.result.hidden)).toBe(true);
    expect(answered(results).every((f) => f.result.hidden && f.result.reason === "smallGroup")).toBe(true);
  });

  it("an open campaign's results are not computed: nothing to difference around a submit", async () => {
    const { code, campaignId, admin } = await openCampaign(3);
    for (let i = 0; i < 3; i++) await submitSurvey(t.db, (await fillDraft(code, { dontKnow: true })).resumeCode);
    const results = await getCampaignResults(t.db, admin.territoryId, campaignId);
    expect(results).toEqual({ available: false, campaign: { id: campaignId, title: "Campagne de test", state: "open" } });
  });

  it("refuses answers once the campaign is closed", async () => {
    const { code, campaignId, admin } = await openCampaign();
    const { resumeCode } = await fillDraft(code, { dontKnow: true });
    await transitionCampaign(t.db, admin, campaignId, "closed", campaignInvitations);
    expect((await submitSurvey(t.db, resumeCode)).status).toBe("closed");
    expect(await t.db.selectFrom("response").selectAll().execute()).toHaveLength(0);
  });

  it("brings back what was typed when resuming with the code", async () => {
    const { code } = await openCampaign();
    const started = await startSurvey(t.db, code);
    if (!started.ok) throw new Error(started.status);
    await saveSurveyStep(t.db, started.resumeCode, 0, "next", { dontKnow: true });
    const resumed = (await loadSurvey(t.db, started.resumeCode.toLowerCase()))!;
    expect(resumed.draft.step).toBe(1);
    expect(resumed.answers[answerKey(nth(resumed.steps, 0))]).toBe("dont_know");
  });
});
