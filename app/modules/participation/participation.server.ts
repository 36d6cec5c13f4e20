import type { Db } from "../../../db/connection";
import { getCampaignScope, listCampaigns } from "../campaigns/campaigns.server";
import { isAsked } from "../campaigns/group-projects";
import { countProjectsNotKnown, countResponsesByCampaign, countResponsesByDay, countResponsesByGroup } from "../surveys/response-counts.server";
import { tallyInvitations } from "../invitations/invitations.server";
import { participationByGroup, participationByNeighbourhood, participationTotals, responsesPerDay } from "./tally";

/**
 * The council's participation dashboard for one campaign of the territory (404 otherwise).
 * It reads invitations only as counts ("sent", "opened", "used") and responses only by group
 * and by day: nothing here can tie a response to an invitation.
 */
export async function getCampaignParticipation(db: Db, territoryId: string, campaignId: string) {
  const { campaign, projects, groupIds, neighbourhoods, framework, unasked } = await getCampaignScope(db, territoryId, campaignId);
  const [tallies, responsesByGroup, byDay, notKnown] = await Promise.all([
    tallyInvitations(db, territoryId, campaign.id),
    countResponsesByGroup(db, territoryId, campaign.id),
    countResponsesByDay(db, territoryId, campaign.id),
    countProjectsNotKnown(db, territoryId, campaign.id),
  ]);
  return {
    campaign: { id: campaign.id, title: campaign.title, state: campaign.state, k: campaign.k, isAnonymous: campaign.isAnonymous },
    groupLabels: framework.definition.stakeholderGroups.map((g) => ({ id: g.id, label: g.label })),
    totals: participationTotals(tallies, responsesByGroup),
    byGroup: participationByGroup(groupIds, tallies, responsesByGroup, campaign.k),
    byNeighbourhood: participationByNeighbourhood(neighbourhoods, tallies),
    byDay: responsesPerDay(byDay),
    byProject: projects.map((p) => ({ id: p.id, name: p.name, askedGroupIds: groupIds.filter((g) => isAsked(unasked, g, p.id)), notKnown: notKnown.get(p.id) ?? 0 })),
  };
}

/** The territory's campaigns, newest first, each with the responses it received. */
export async function listCampaignsWithResponses(db: Db, territoryId: string) {
  const [campaigns, responses] = await Promise.all([listCampaigns(db, territoryId), countResponsesByCampaign(db, territoryId)]);
  return campaigns.map((c) => ({ ...c, responseCount: responses.get(c.id) ?? 0 }));
}
