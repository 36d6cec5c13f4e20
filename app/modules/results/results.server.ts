/**
 * A campaign's results, read from count cells only (time does not grow with responses) and
 * reported figures, masked before anything leaves this module: the page, its loader data, the
 * CSV and the JSON download all come from this one object. While the campaign still takes
 * answers nothing is read or computed (DESIGN.md §4, « no live results »).
 * An association member reads the same results as the council.
 */
import type { Db } from "../../../db/connection";
import { findPreviousStableCampaign, getCampaignScope } from "../campaigns/campaigns.server";
import { countResponsesByGroupAndSource, listCountCellsBySource } from "../surveys/response-counts.server";
import { questionIndicators } from "../frameworks/indicators";
import { hasStableResults } from "./availability";
import { computedResults, reportedFigureResults } from "./figure-results";
import { campaignFindings } from "./findings";
import { figureAt, indicatorResults } from "./indicator-results";
import { projectScores } from "./project-scores";
import { listReportedFigures } from "./reported-figures-store.server";
import { RESULT_SOURCES, type CampaignResults, type IndicatorResult, type Participation, type ProjectTrend, type TrendValue } from "./results-types";
import { indicatorTrend, valueInScaleUnit } from "./trend";

export type * from "./results-types";

type CampaignScope = Awaited<ReturnType<typeof getCampaignScope>>;

/** The masked question figures of a campaign (no trend): what a trend of the next campaign reads too. */
async function maskedIndicators(db: Db, territoryId: string, { campaign, projects, groupIds, framework: version, unasked }: CampaignScope) {
  const cells = await listCountCellsBySource(db, territoryId, campaign.id);
  const indicators = questionIndicators(version.definition, groupIds);
  const results = indicatorResults({ framework: version.definition, indicators, projectIds: projects.map((p) => p.id), groupIds, k: campaign.k, unasked }, cells);
  return { campaign, projects, groupIds, framework: version.definition, results, unasked };
}

/** The value a trend compares for one project: the project's total, in the scale's unit. */
function projectValue(result: Omit<IndicatorResult, "trends"> | undefined, projectId: string): TrendValue {
  const figure = result && figureAt(result.figures, { projectId, groupId: null, source: null });
  if (!result || !figure) return null;
  if (figure.result.hidden) return figure.result;
  const value = valueInScaleUnit(result.scale, figure.result.statistics, figure.result.score);
  return value === null ? null : { hidden: false, value };
}

function participationOf(rows: readonly { groupId: string; source: string; responses: number }[], groupIds: readonly string[]): Participation {
  const sum = (keep: (r: { groupId: string; source: string }) => boolean) => rows.filter(keep).reduce((s, r) => s + r.responses, 0);
  return {
    total: sum(() => true),
    byGroup: groupIds.map((groupId) => ({ groupId, responses: sum((r) => r.groupId === groupId) })),
    bySource: RESULT_SOURCES.map((source) => ({ source, responses: sum((r) => r.source === source) })),
  };
}

export async function getCampaignResults(db: Db, territoryId: string, campaignId: string): Promise<CampaignResults> {
  const scope = await getCampaignScope(db, territoryId, campaignId);
  const { campaign } = scope;
  const summary = { id: campaign.id, title: campaign.title, state: campaign.state };
  if (!hasStableResults(campaign.state)) return { available: false, campaign: summary };

  const [current, previousCampaign, responses, stored] = await Promise.all([
    maskedIndicators(db, territoryId, scope),
    findPreviousStableCampaign(db, territoryId, campaign.id, campaign.createdAt),
    countResponsesByGroupAndSource(db, territoryId, campaign.id),
    listReportedFigures(db, territoryId, campaign.id),
  ]);
  const previous = previousCampaign ? await maskedIndicators(db, territoryId, await getCampaignScope(db, territoryId, previousCampaign.id)) : null;
  const { framework, groupIds, results } = current;
  const projectIds = current.projects.map((p) => p.id);

  const indicators: IndicatorResult[] = results.map((result) => {
    const before = previous?.results.find((r) => r.indicatorId === result.indicatorId);
    const trends: ProjectTrend[] = projectIds.map((projectId) => {
      const now = projectValue(result, projectId);
      const then = previous?.projects.some((p) => p.id === projectId) ? projectValue(before, projectId) : null;
      return { projectId, current: now, previous: then, trend: indicatorTrend({ current: now, previous: then, baseline: result.baseline ?? undefined, target: result.target ?? undefined }) };
    });
    return { ...result, trends };
  });
  const reported = reportedFigureResults(framework, projectIds, stored);
  const computed = computedResults(framework, projectIds, stored, campaign.k);
  const scores = projectScores({
    dimensions: framework.dimensions,
    indicators: framework.indicators,
    results: indicators,
    progress: [...reported, ...computed],
    projectIds,
    groupIds,
  });
  return {
    available: true,
    campaign: { ...summary, k: campaign.k },
    previousCampaign,
    projects: current.projects.map((p) => ({ id: p.id, name: p.name })),
    groups: framework.stakeholderGroups.filter((g) => groupIds.includes(g.id)).map((g) => ({ id: g.id, label: g.label })),
    notAsked: current.unasked,
    dimensions: framework.dimensions.map((d) => ({ id: d.id, label: d.label, description: d.description })),
    sources: [...RESULT_SOURCES],
    scoringLimits: framework.scoring.limits ?? null,
    participation: participationOf(responses, groupIds),
    scores,
    indicators,
    reported,
    computed,
    findings: campaignFindings(indicators, scores, groupIds),
  };
}
