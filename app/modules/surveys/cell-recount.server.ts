import type { Db } from "../../../db/connection";
import type { ResponseSource } from "../../../db/schema";
import { listCampaignProjects, listUnasked } from "../campaigns/campaigns.server";
import { askedProjectIds } from "../campaigns/group-projects";
import { findSurveyCampaign } from "../campaigns/survey-campaign.server";
import { loadFrameworkDefinition } from "../frameworks/frameworks.server";
import { questionIndicators } from "../frameworks/indicators";
import { countedValues } from "./questions";
import { countResponsesByGroupAndSource, listCountCellsBySource } from "./response-counts.server";
import { type CountCell, type GroupScreening, recountNotKnownCells } from "./screening-recount";

// For `npm run db:verify`: the count cells recomputed from the raw answers, by the same rules the
// submit uses, to compare with the cells the submits added up. Only this area knows how a cell
// is encoded (the values an answer adds to, the screening's cell).

/** Every campaign of the install that has responses or count cells (the verify tool spans territories). */
export async function campaignsWithSurveyData(db: Db): Promise<{ territoryId: string; campaignId: string }[]> {
  const rows = await db
    .selectFrom("response")
    .select(["territory_id", "campaign_id"])
    .union(db.selectFrom("count_cell").select(["territory_id", "campaign_id"]))
    .execute();
  return rows.map((r) => ({ territoryId: r.territory_id, campaignId: r.campaign_id }));
}

/** Raw values counted elsewhere (closed workshop votes), as they were cast: this area counts them into cells. */
export type RawCount = { projectId: string; indicatorId: string; groupId: string; source: ResponseSource; value: string; count: number };

/**
 * A campaign's count cells, stored and recounted by this area's own rules, for db:verify: each
 * answer (and each raw value counted elsewhere, `others`) through countedValues, as the submit
 * counts it, and the « ne connaît pas » cells from what the online responses left unanswered
 * (screening-recount.ts). An answer to an indicator the framework lacks is reported apart,
 * since no rule can count it.
 */
export async function recountCountCells(db: Db, territoryId: string, campaignId: string, others: readonly RawCount[]) {
  const campaign = await findSurveyCampaign(db, territoryId, campaignId);
  if (!campaign) throw new Error(`campaign ${campaignId} is not in territory ${territoryId}`);
  const framework = await loadFrameworkDefinition(db, territoryId, campaign.framework_version_id);
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  const indicators = new Map(framework.indicators.map((i) => [i.id, i]));
  const answers = await db
    .selectFrom("answer as a")
    .innerJoin("response as r", "r.id", "a.response_id")
    .select(["a.response_id", "a.project_id", "a.indicator_id", "a.value", "r.group_id", "r.source"])
    .where("r.territory_id", "=", territoryId)
    .where("r.campaign_id", "=", campaignId)
    .execute();
  const raw: RawCount[] = [...answers.map((a) => ({ projectId: a.project_id, indicatorId: a.indicator_id, groupId: a.group_id, source: a.source, value: a.value, count: 1 })), ...others];
  const recomputed: CountCell[] = [];
  const unknownIndicators = new Set<string>();
  for (const r of raw) {
    const indicator = indicators.get(r.indicatorId);
    const scale = indicator && scales.get(indicator.scale);
    if (!scale) unknownIndicators.add(r.indicatorId);
    else for (const value of countedValues(scale, r.value)) recomputed.push({ ...r, value });
  }
  const stored = await listCountCellsBySource(db, territoryId, campaignId);
  // The online responses with an answer, per group and project.
  const answering = new Map<string, Set<string>>();
  for (const a of answers) {
    const key = `${a.group_id}\u0000${a.project_id}`;
    if (a.source === "online") answering.set(key, (answering.get(key) ?? new Set()).add(a.response_id));
  }
  const [campaignProjects, unasked] = await Promise.all([listCampaignProjects(db, territoryId, campaignId), listUnasked(db, territoryId, campaignId)]);
  const groups: GroupScreening[] = [];
  const online = (await countResponseRows(db, territoryId, campaignId)).filter((r) => r.source === "online");
  for (const { groupId, responses } of online) {
    // The projects this group was screened about (a group is asked only its own projects).
    const projectIds = askedProjectIds(campaignProjects.map((p) => p.id), unasked, groupId);
    const answeredBy = new Map(projectIds.map((projectId) => [projectId, answering.get(`${groupId}\u0000${projectId}`)?.size ?? 0]));
    const yesLeavesAnAnswer = questionIndicators(framework, [groupId]).some((indicator) => indicator.required);
    groups.push({ groupId, responses, projectIds, answeredBy, yesLeavesAnAnswer });
  }
  return { stored, recomputed: [...recomputed, ...recountNotKnownCells(groups, stored)], unknownIndicators: [...unknownIndicators] };
}

/** The campaign's responses counted row by row, per group and source (what the counters should say). */
async function countResponseRows(db: Db, territoryId: string, campaignId: string) {
  const rows = await db
    .selectFrom("response")
    .select(["group_id", "source", (eb) => eb.fn.countAll<number>().as("n")])
    .where("territory_id", "=", territoryId)
    .where("campaign_id", "=", campaignId)
    .groupBy(["group_id", "source"])
    .execute();
  return rows.map((r) => ({ groupId: r.group_id, source: r.source, responses: Number(r.n) }));
}

/**
 * The participation counters (response_tally, kept by triggers) against a count of the
 * campaign's responses: each (group, source) whose two numbers differ.
 */
export async function responseTallyDifferences(db: Db, territoryId: string, campaignId: string) {
  const [counted, stored] = await Promise.all([countResponseRows(db, territoryId, campaignId), countResponsesByGroupAndSource(db, territoryId, campaignId)]);
  const keys = new Set([...counted, ...stored].map((r) => `${r.groupId}\u0000${r.source}`));
  return [...keys].flatMap((key) => {
    const [groupId = "", source = ""] = key.split("\u0000");
    const recomputed = counted.find((r) => r.groupId === groupId && r.source === source)?.responses ?? 0;
    const kept = stored.find((r) => r.groupId === groupId && r.source === source)?.responses ?? 0;
    return kept === recomputed ? [] : [{ groupId, source, stored: kept, recomputed }];
  });
}
