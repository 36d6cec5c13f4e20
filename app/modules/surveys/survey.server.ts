import type { Db, DbOrTrx } from "../../../db/connection";
import { newCode, newId, normalizeCode, sha256 } from "../../lib/ids";
import { todayInFrance } from "../../lib/time";
import { listGroupProjects } from "../campaigns/campaigns.server";
import { acceptsResponses } from "../campaigns/state";
import { findSurveyCampaign } from "../campaigns/survey-campaign.server";
import { loadFrameworkDefinition } from "../frameworks/frameworks.server";
import { findInvitationByCode, markInvitationOpened } from "../invitations/survey-access.server";
import { describeProjects } from "../projects/projects.server";
import { readDraft } from "./draft.server";
import { answerKey, isScreening, parseAnswer, type RawAnswer, surveySteps } from "./questions";
import { fieldFailure, formFailure, type Result } from "../failure";

// The survey is public: the invitation code is the only key. Once it is found, every further
// query is scoped to the invitation's territory and campaign.

export type InvitationStatus = "ok" | "closed" | "used" | "full";

/** The invitation behind a code with its campaign (each read by the area that owns it). */
async function findInvitation(db: DbOrTrx, code: string) {
  const invitation = await findInvitationByCode(db, normalizeCode(code));
  if (!invitation) return undefined;
  const campaign = await findSurveyCampaign(db, invitation.territory_id, invitation.campaign_id);
  if (!campaign) return undefined;
  const { title, description, state, is_anonymous, framework_version_id } = campaign;
  return { ...invitation, title, description, state, is_anonymous, framework_version_id };
}

export function invitationStatus(invitation: { state: string; kind: string; response_count: number; max_responses: number | null }): InvitationStatus {
  if (!acceptsResponses(invitation.state as never)) return "closed";
  if (invitation.kind !== "open_link" && invitation.response_count > 0) return "used";
  if (invitation.max_responses !== null && invitation.response_count >= invitation.max_responses) return "full";
  return "ok";
}

/** The welcome page: the campaign behind a code, and whether it can still be answered. */
export async function openInvitation(db: Db, code: string) {
  const invitation = await findInvitation(db, code);
  if (!invitation) return null;
  const status = invitationStatus(invitation);
  if (status === "ok" && invitation.kind !== "open_link") {
    await markInvitationOpened(db, invitation.territory_id, invitation.id);
  }
  const definition = await loadFrameworkDefinition(db, invitation.territory_id, invitation.framework_version_id);
  const projects = await listGroupProjects(db, invitation.territory_id, invitation.campaign_id, invitation.group_id);
  // At most: the screening questions and the questions of every project.
  const questionCount = surveySteps(definition, invitation.group_id, projects.map((p) => p.id)).length;
  const welcome = { title: invitation.title, description: invitation.description, isAnonymous: invitation.is_anonymous === 1 };
  return { invitation, welcome, status, questionCount, projects };
}

/**
 * Starts a new draft and returns its resume code. Every use of an invitation code starts a
 * fresh draft, even for a personal invitation that already has one: the council holds every
 * personal code (export, printed sheets), so the code must never lead to what its holder has
 * typed. Only the resume code, shown to the person alone, opens a draft. « One response per
 * invitation » still holds: the first draft submitted uses the invitation (the database's CHECK
 * refuses a second use) and any other draft of it is then refused as « already used ».
 */
export async function startSurvey(db: Db, code: string): Promise<Result<{ resumeCode: string }>> {
  const invitation = await findInvitation(db, code);
  if (!invitation) return formFailure("home.unknownCode");
  const status = invitationStatus(invitation);
  if (status !== "ok") return formFailure(UNAVAILABLE[status]);
  const resumeCode = newCode();
  await db
    .insertInto("survey_draft")
    .values({ id: newId(), territory_id: invitation.territory_id, campaign_id: invitation.campaign_id, invitation_id: invitation.id, resume_code: resumeCode, updated_on: todayInFrance() })
    .execute();
  return { ok: true, resumeCode };
}

/** A draft with its campaign, its steps and what was typed so far; null when unknown. */
export async function loadSurvey(db: DbOrTrx, resumeCode: string) {
  const draft = await readDraft(db, resumeCode);
  if (!draft) return null;
  const definition = await loadFrameworkDefinition(db, draft.territory_id, draft.framework_version_id);
  // readDraft already has the ids of the projects the draft's group is asked about, in order.
  const projects = await describeProjects(db, draft.territory_id, draft.projectIds);
  const { answers } = draft;
  const steps = surveySteps(definition, draft.group_id, draft.projectIds, answers);
  return { draft, resumeCode: draft.resume_code, definition, projects, steps, answers, status: invitationStatus(draft) };
}

export type SurveyIntent = "next" | "previous" | "skip";

/** Why an invitation cannot start a survey, as the title its page shows. */
const UNAVAILABLE = { closed: "survey.closedTitle", used: "survey.usedTitle", full: "survey.linkFullTitle" } as const satisfies Record<Exclude<InvitationStatus, "ok">, string>;

/**
 * Saves the answer to one step and says where to go. An invalid answer is not saved and
 * comes back with its error; going back keeps whatever valid answer was given.
 */
export async function saveSurveyStep(db: Db, resumeCode: string, stepIndex: number, intent: SurveyIntent, raw: RawAnswer, options: { backToReview?: boolean } = {}): Promise<Result<{ nextStep: number }> | null> {
  const survey = await loadSurvey(db, resumeCode);
  if (!survey) return null;
  const step = survey.steps[stepIndex];
  if (!step) return { ok: true, nextStep: Math.min(Math.max(stepIndex, 0), survey.steps.length) };
  const answers = { ...survey.answers };
  const parsed = parseAnswer(step.scale, step.indicator.required && intent === "next", intent === "skip" ? {} : raw);
  if (!parsed.ok && intent === "next") return isScreening(step) ? fieldFailure("value", "survey.screeningRequired") : fieldFailure("value", parsed.error.key, parsed.error.params);
  if (parsed.ok && parsed.value !== null) answers[answerKey(step)] = parsed.value;
  else if (parsed.ok && intent !== "previous") delete answers[answerKey(step)];
  // An answer changed from the review list goes back there, now and when the person resumes later;
  // a changed « Connaissez-vous ce projet ? » goes on, through the questions it brings back.
  // The review is after the last step of the new answers (a « no » removes a project's questions).
  const reviewStep = surveySteps(survey.definition, survey.draft.group_id, survey.projects.map((p) => p.id), answers).length;
  const nextStep = intent === "previous" ? Math.max(0, stepIndex - 1) : options.backToReview && !isScreening(step) ? reviewStep : Math.min(stepIndex + 1, reviewStep);
  await db
    .updateTable("survey_draft")
    .set({ answers: JSON.stringify(answers), step: nextStep, updated_on: todayInFrance() })
    .where("id", "=", survey.draft.id)
    .where("territory_id", "=", survey.draft.territory_id)
    .execute();
  return { ok: true, nextStep };
}

/** The receipt key of a draft: stored instead of the code itself. */
export function receiptKey(resumeCode: string): string {
  return sha256(`draft:${normalizeCode(resumeCode)}`);
}

/** For the thank-you page and replays: the campaign a submitted draft belonged to. */
export async function findSubmittedCampaign(db: DbOrTrx, resumeCode: string) {
  const receipt = await db.selectFrom("submission_receipt").select(["campaign_id", "territory_id"]).where("key", "=", receiptKey(resumeCode)).executeTakeFirst();
  const campaign = receipt && (await findSurveyCampaign(db, receipt.territory_id, receipt.campaign_id));
  return campaign ? { id: campaign.id, territoryId: campaign.territory_id, title: campaign.title, closesOn: campaign.closes_on } : undefined;
}

/** What a typed code is: an invitation (→ welcome page) or a draft (→ where the person stopped). */
export async function resolveCode(db: Db, typed: string): Promise<{ kind: "invitation" | "draft"; code: string } | null> {
  const code = normalizeCode(typed);
  if (!code) return null;
  if (await findInvitationByCode(db, code)) return { kind: "invitation", code };
  if (await db.selectFrom("survey_draft").select("id").where("resume_code", "=", code).executeTakeFirst()) return { kind: "draft", code };
  return null;
}
