import type { Db } from "../../../db/connection";
import { getCampaignScope } from "../campaigns/campaigns.server";
import { countResponsesByGroup, listCountCells } from "../surveys/response-counts.server";
import { questionIndicators } from "../frameworks/indicators";
import { type Counts, mergeCounts, type Summary, summarize } from "./summary";
import { isShown, suppressedParts } from "./suppression";
import { hasStableResults } from "./availability";

export type ShownSummary = ({ shown: true } & Summary) | { shown: false };

function shownOrNot(summary: Summary, hidden: boolean): ShownSummary {
  return hidden ? { shown: false } : { shown: true, ...summary };
}

/**
 * A campaign's results, read from count cells only: time does not grow with responses.
 * Every figure goes through small-group suppression before it leaves this function.
 * While the campaign still takes answers nothing is read or computed: only its title and state
 * come back (`available: false`), so no page, loader data or file can be differenced.
 */
export async function getCampaignResults(db: Db, territoryId: string, campaignId: string) {
  const { campaign, projects, groupIds, framework: version } = await getCampaignScope(db, territoryId, campaignId);
  if (!hasStableResults(campaign.state)) {
    return { available: false as const, campaign: { id: campaign.id, title: campaign.title, state: campaign.state } };
  }
  const [cells, responseCounts] = await Promise.all([
    listCountCells(db, territoryId, campaign.id),
    countResponsesByGroup(db, territoryId, campaign.id),
  ]);
  const k = campaign.k;
  const byCell = new Map<string, Map<string, number>>();
  for (const cell of cells) {
    const key = `${cell.project_id}|${cell.indicator_id}|${cell.group_id}`;
    if (!byCell.has(key)) byCell.set(key, new Map());
    byCell.get(key)!.set(cell.value, Number(cell.count));
  }
  const scales = new Map(version.definition.scales.map((s) => [s.id, s]));
  const questions = projects.flatMap((project) =>
    questionIndicators(version.definition, groupIds).map((indicator) => {
      const scale = scales.get(indicator.scale)!;
      const perGroup = indicator.audiences
        .filter((g) => groupIds.includes(g))
        .map((groupId) => ({ groupId, counts: (byCell.get(`${project.id}|${indicator.id}|${groupId}`) ?? new Map()) as Counts }));
      const total = summarize(scale, mergeCounts(perGroup.map((g) => g.counts)));
      const groupSummaries = perGroup.map((g) => ({ groupId: g.groupId, summary: summarize(scale, g.counts) }));
      const hidden = suppressedParts(groupSummaries.map((g) => ({ id: g.groupId, n: g.summary.n })), k, true);
      return {
        projectId: project.id,
        projectName: project.name,
        indicator,
        scale,
        total: shownOrNot(total, !isShown(total.n, k)),
        byGroup: groupSummaries.map((g) => ({ groupId: g.groupId, result: shownOrNot(g.summary, hidden.has(g.groupId)) })),
      };
    }),
  );
  return {
    available: true as const,
    campaign,
    framework: version.definition,
    k,
    totalResponses: [...responseCounts.values()].reduce((a, b) => a + b, 0),
    participation: groupIds.map((groupId) => ({ groupId, responses: responseCounts.get(groupId) ?? 0 })),
    questions,
  };
}
