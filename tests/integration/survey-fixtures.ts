// Shared set-up of the survey integration tests: an open campaign of the demo territory, its
// drafts filled through the module functions, and personal invitations as the invitations
// pages will create them (rows of the invitation table).
import { expect } from "vitest";
import type { Db } from "../../db/connection";
import { transitionCampaign } from "../../app/modules/campaigns/campaigns.server";
import { campaignInvitations } from "../../app/modules/invitations/campaign-invitations.server";
import { newCode, newId } from "../../app/lib/ids";
import { nowIso } from "../../app/lib/time";
import type { RawAnswer, SurveyStep } from "../../app/modules/surveys/questions";
import { loadSurvey, saveSurveyStep, startSurvey } from "../../app/modules/surveys/survey.server";
import { createDraftCampaign } from "../helpers/campaigns";

/** An open campaign on one project for the residents, k = 3; returns its open link code. */
export async function openResidentsCampaign(db: Db, options: { isAnonymous?: boolean; k?: number; neighbourhoods?: string } = {}) {
  const { admin, campaignId } = await createDraftCampaign(db, { k: 3, ...options });
  expect((await transitionCampaign(db, admin, campaignId, "open", campaignInvitations)).ok).toBe(true);
  const link = await db.selectFrom("invitation").select("code").where("campaign_id", "=", campaignId).executeTakeFirstOrThrow();
  return { campaignId, openLinkCode: link.code, admin };
}

/** A personal invitation, as the invitations pages create them. */
export async function addPersonalInvitation(db: Db, campaignId: string, over: { email?: string; neighbourhood?: string | null; sent?: boolean; groupId?: string } = {}) {
  const campaign = await db.selectFrom("campaign").select("territory_id").where("id", "=", campaignId).executeTakeFirstOrThrow();
  const row = {
    id: newId(),
    territory_id: campaign.territory_id,
    campaign_id: campaignId,
    kind: "personal" as const,
    code: newCode(),
    group_id: over.groupId ?? "residents",
    neighbourhood: over.neighbourhood ?? null,
    email: over.email ?? null,
    display_name: null,
    max_responses: null,
    sent_at: over.sent === false ? null : nowIso(),
    reminded_at: null,
    created_at: nowIso(),
  };
  await db.insertInto("invitation").values(row).execute();
  return row;
}

/**
 * Starts a draft with `code` and answers every screen: `answerFor(step, index)` gives the raw
 * answer (« je ne sais pas » by default). Returns the resume code and the steps.
 */
export async function fillDraft(db: Db, code: string, answerFor: (step: SurveyStep, index: number) => RawAnswer = () => ({ dontKnow: true })) {
  const started = await startSurvey(db, code);
  if (!started.ok) throw new Error(JSON.stringify(started.formErrors));
  const survey = (await loadSurvey(db, started.resumeCode))!;
  for (const [index, step] of survey.steps.entries()) {
    const saved = await saveSurveyStep(db, started.resumeCode, index, "next", answerFor(step, index));
    expect(saved?.ok).toBe(true);
  }
  return { resumeCode: started.resumeCode, steps: survey.steps };
}
