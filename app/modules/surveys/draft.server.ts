import { z } from "zod";
import type { DbOrTrx } from "../../../db/connection";
import { precompile, type Param } from "../../../db/precompiled";
import { normalizeCode } from "../../lib/ids";
import { findDraftCampaign } from "../campaigns/survey-campaign.server";
import { findDraftInvitation } from "../invitations/survey-access.server";

const projectIdList = z.array(z.string());

/**
 * What a resident typed so far, keyed by project and indicator. Only saveSurveyStep writes it,
 * from answers parseAnswer accepted; read on every step and submit, so a plain shape check.
 */
function parseDraftAnswers(json: string): Record<string, string> {
  const value: unknown = JSON.parse(json);
  if (!isStringRecord(value)) throw new Error("survey draft answers are not a map of strings");
  return value;
}

function isStringRecord(value: unknown): value is Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  for (const entry of Object.values(value)) if (typeof entry !== "string") return false;
  return true;
}

const findDraft = precompile((db, param: Param<{ resumeCode: string }>) =>
  db.selectFrom("survey_draft").select(["id", "resume_code", "answers", "step", "territory_id", "campaign_id", "invitation_id"]).where("resume_code", "=", param("resumeCode")),
);

/**
 * A draft with its invitation and its campaign (and the ids of the projects the invitation's
 * group is asked about, in order);
 * undefined when the code is unknown. The survey pages and the submit both read it here. Each
 * part is read by the area that owns its table, with precompiled queries: three prepared
 * statements cost about as much as the one join they replace (npm run bench).
 */
export async function readDraft(db: DbOrTrx, resumeCode: string) {
  const [draft] = (await db.executeQuery(findDraft({ resumeCode: normalizeCode(resumeCode) }))).rows;
  if (!draft) return undefined;
  const scope = { territoryId: draft.territory_id };
  const [invitation] = (await db.executeQuery(findDraftInvitation({ invitationId: draft.invitation_id, ...scope }))).rows;
  const [campaign] = (await db.executeQuery(findDraftCampaign({ campaignId: draft.campaign_id, groupId: invitation?.group_id ?? "", ...scope }))).rows;
  if (!invitation || !campaign) return undefined;
  return {
    ...draft,
    answers: parseDraftAnswers(draft.answers),
    code: invitation.code,
    kind: invitation.kind,
    group_id: invitation.group_id,
    max_responses: invitation.max_responses,
    response_count: invitation.response_count,
    title: campaign.title,
    state: campaign.state,
    is_anonymous: campaign.is_anonymous,
    framework_version_id: campaign.framework_version_id,
    projectIds: projectIdList.parse(JSON.parse(campaign.project_ids ?? "[]")),
  };
}

export type DraftWithContext = NonNullable<Awaited<ReturnType<typeof readDraft>>>;
