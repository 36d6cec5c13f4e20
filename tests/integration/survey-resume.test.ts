import { describe, expect, it } from "vitest";
import { answerKey } from "../../app/modules/surveys/questions";
import { submitSurvey } from "../../app/modules/surveys/submit.server";
import { subscribeToResults } from "../../app/modules/surveys/subscribers.server";
import { loadSurvey, resolveCode, saveSurveyStep, startSurvey } from "../../app/modules/surveys/survey.server";
import { freshDbPerTest } from "../helpers/db";
import { addPersonalInvitation, fillDraft, openResidentsCampaign } from "./survey-fixtures";
import { nth } from "../helpers/present";

const t = freshDbPerTest();

describe("stop and resume", () => {
  it("the resume code brings back every typed answer and the screen where the person stopped", async () => {
    const { openLinkCode } = await openResidentsCampaign(t.db);
    const started = await startSurvey(t.db, openLinkCode);
    if (!started.ok) throw new Error(started.status);
    const { steps } = (await loadSurvey(t.db, started.resumeCode))!;
    const likert = steps.findIndex((s) => s.scale.type === "likert");
    const text = steps.findIndex((s) => s.scale.type === "text");
    for (let i = 0; i <= Math.max(likert, text); i++) {
      const raw = i === likert ? { value: "4" } : i === text ? { value: "Un lieu où l'on se parle." } : { dontKnow: true };
      expect((await saveSurveyStep(t.db, started.resumeCode, i, "next", raw)).ok).toBe(true);
    }
    const stoppedAt = Math.max(likert, text) + 1;

    // Typed as people do, with spaces and lower case: « abcd efgh 23 ».
    const typed = started.resumeCode.toLowerCase().replace(/(.{4})/g, "$1 ");
    expect(await resolveCode(t.db, typed)).toEqual({ kind: "draft", code: started.resumeCode });
    const resumed = (await loadSurvey(t.db, typed))!;
    expect(resumed.draft.step).toBe(stoppedAt);
    expect(resumed.answers[answerKey(nth(steps, likert))]).toBe("4");
    expect(resumed.answers[answerKey(nth(steps, text))]).toBe("Un lieu où l'on se parle.");
  });

  it("going back keeps the answer, skipping an optional question clears it", async () => {
    const { openLinkCode } = await openResidentsCampaign(t.db);
    const started = await startSurvey(t.db, openLinkCode);
    if (!started.ok) throw new Error(started.status);
    const { steps } = (await loadSurvey(t.db, started.resumeCode))!;
    const optional = steps.findIndex((s) => !s.indicator.required && s.scale.type === "likert");
    await saveSurveyStep(t.db, started.resumeCode, optional, "next", { value: "2" });
    await saveSurveyStep(t.db, started.resumeCode, optional, "previous", {});
    let survey = (await loadSurvey(t.db, started.resumeCode))!;
    expect(survey.answers[answerKey(nth(steps, optional))]).toBe("2");
    expect(survey.draft.step).toBe(optional - 1);
    await saveSurveyStep(t.db, started.resumeCode, optional, "skip", { value: "2" });
    survey = (await loadSurvey(t.db, started.resumeCode))!;
    expect(survey.answers[answerKey(nth(steps, optional))]).toBeUndefined();
  });

  it("an answer changed from the review list leads back to the review, also when resuming later", async () => {
    const { openLinkCode } = await openResidentsCampaign(t.db);
    const { resumeCode, steps } = await fillDraft(t.db, openLinkCode);
    const saved = await saveSurveyStep(t.db, resumeCode, 1, "next", { dontKnow: true }, { backToReview: true });
    expect(saved).toEqual({ ok: true, nextStep: steps.length });
    expect((await loadSurvey(t.db, resumeCode))!.draft.step).toBe(steps.length);
  });

  it("a required question cannot be skipped: the submit points at it", async () => {
    const { openLinkCode } = await openResidentsCampaign(t.db);
    const { resumeCode, steps } = await fillDraft(t.db, openLinkCode);
    const required = steps.findIndex((s) => s.indicator.required);
    await saveSurveyStep(t.db, resumeCode, required, "skip", {});
    expect(await submitSurvey(t.db, resumeCode)).toEqual({ status: "incomplete", firstMissingStep: required });
  });

  it("a used personal invitation sends people to a clear page, not an error", async () => {
    const { campaignId } = await openResidentsCampaign(t.db);
    const invitation = await addPersonalInvitation(t.db, campaignId);
    const { resumeCode } = await fillDraft(t.db, invitation.code);
    // A second draft for the same invitation slipped in (an old tab, a restored backup…).
    await t.db.insertInto("survey_draft").values({ id: "other", territory_id: invitation.territory_id, campaign_id: campaignId, invitation_id: invitation.id, resume_code: "OTHER23456", answers: "{}", step: 0, updated_on: "2026-01-01" }).execute();
    expect((await submitSurvey(t.db, resumeCode)).status).toBe("submitted");
    expect((await submitSurvey(t.db, "OTHER23456")).status).toBe("used");
    expect(await t.db.selectFrom("response").selectAll().where("campaign_id", "=", campaignId).execute()).toHaveLength(1);
    expect(await startSurvey(t.db, invitation.code)).toEqual({ ok: false, status: "used" });
  });
});

describe("« tell me when results are out »", () => {
  it("keeps the e-mail apart from the response, once per campaign, and only after a submit", async () => {
    const { campaignId, openLinkCode } = await openResidentsCampaign(t.db);
    const { resumeCode } = await fillDraft(t.db, openLinkCode);
    expect(await subscribeToResults(t.db, resumeCode, "Camille@Exemple.fr")).toBe(false);
    await submitSurvey(t.db, resumeCode);
    expect(await subscribeToResults(t.db, resumeCode, "Camille@Exemple.fr")).toBe(true);
    expect(await subscribeToResults(t.db, resumeCode, "camille@exemple.fr ")).toBe(true);
    const rows = await t.db.selectFrom("results_subscriber").selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ campaign_id: campaignId, email: "camille@exemple.fr" });
    // No column of the subscriber row names a response, and no response column names it.
    const response = await t.db.selectFrom("response").selectAll().executeTakeFirstOrThrow();
    expect(Object.values(nth(rows, 0))).not.toContain(response.id);
    expect(Object.values(response)).not.toContain(nth(rows, 0).id);
    const foreignKeys = t.sqlite.pragma("foreign_key_list(results_subscriber)") as { table: string }[];
    expect(foreignKeys.map((f) => f.table).sort()).toEqual(["campaign", "territory"]);
  });
});
