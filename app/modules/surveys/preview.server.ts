import type { DbOrTrx } from "../../../db/connection";
import { getCampaignScope } from "../campaigns/campaigns.server";
import { isAsked } from "../campaigns/group-projects";
import { surveySteps } from "./questions";

/**
 * The survey of a campaign as one stakeholder group will answer it, for the council to read
 * before opening. It reads only: no draft, no response, no count is written.
 */
export async function previewSurvey(db: DbOrTrx, territoryId: string, campaignId: string, requestedGroupId: string | null) {
  const { campaign, projects: all, groupIds, framework, unasked } = await getCampaignScope(db, territoryId, campaignId);
  const definition = framework.definition;
  const groupId = requestedGroupId && groupIds.includes(requestedGroupId) ? requestedGroupId : (groupIds[0] ?? "");
  const projects = all.filter((p) => isAsked(unasked, groupId, p.id));
  const labels = new Map(definition.stakeholderGroups.map((g) => [g.id, g.label]));
  return {
    campaign: { id: campaign.id, title: campaign.title, description: campaign.description, isAnonymous: campaign.isAnonymous },
    groups: groupIds.map((id) => ({ id, label: labels.get(id) ?? { fr: id, en: id } })),
    groupId,
    projects,
    steps: groupId ? surveySteps(definition, groupId, projects.map((p) => p.id)) : [],
  };
}
