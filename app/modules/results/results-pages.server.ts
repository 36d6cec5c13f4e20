/**
 * What each results page loads, trimmed to what it shows (loader data is public to whoever
 * loads the page): the overview gets scores, participation, findings, figures and the list of
 * indicators; an indicator's page gets that indicator only. Both come from getCampaignResults,
 * so nothing here is finer than the masked results.
 */
import type { Db } from "../../../db/connection";
import { createTranslator, type Locale } from "../../i18n/i18n";
import { COUNCIL_EDITORS } from "../accounts/roles";
import { listPublishedTexts, listTextIndicators } from "./free-texts.server";
import { resultsCsv } from "./results-csv";
import { type FigureEditor, listFigureProjects } from "./reported-figures.server";
import { getCampaignResults } from "./results.server";

export async function getResultsOverview(db: Db, member: FigureEditor, campaignId: string) {
  const results = await getCampaignResults(db, member.territoryId, campaignId);
  if (!results.available) return results;
  const [figureProjects, written] = await Promise.all([listFigureProjects(db, member, campaignId), listTextIndicators(db, member.territoryId, campaignId)]);
  const { indicators, ...rest } = results;
  return {
    ...rest,
    indicators: [...indicators, ...written].map((i) => ({ indicatorId: i.indicatorId, dimensionId: i.dimensionId, label: i.label })),
    figureProjects: figureProjects.editable ? figureProjects.projects : [],
    // Only the council's editors moderate written answers (no count here: counting them grows with responses).
    moderatesTexts: COUNCIL_EDITORS.includes(member.role) && written.length > 0,
  };
}

export async function getIndicatorPage(db: Db, territoryId: string, campaignId: string, indicatorId: string) {
  const results = await getCampaignResults(db, territoryId, campaignId);
  if (!results.available) return results;
  const shared = { available: true as const, campaign: results.campaign, previousCampaign: results.previousCampaign, projects: results.projects, groups: results.groups, notAsked: results.notAsked };
  const indicator = results.indicators.find((i) => i.indicatorId === indicatorId);
  if (indicator) return { ...shared, kind: "figures" as const, indicator };
  // A free-text question: only its approved answers from groups at the free-text threshold (free-texts.server.ts).
  const written = await listPublishedTexts(db, territoryId, campaignId, indicatorId);
  if (!written) throw new Response("Not found", { status: 404 });
  return { ...shared, kind: "written" as const, written };
}

/** The campaign's results as a file (CSV Excel-FR or JSON): the same masked object as the pages. */
export async function getResultsDownload(db: Db, territoryId: string, campaignId: string, format: "csv" | "json", locale: Locale) {
  const results = await getCampaignResults(db, territoryId, campaignId);
  if (!results.available) throw new Response("Not found", { status: 404 });
  const t = createTranslator(locale);
  const filename = `resultats-${results.campaign.id}.${format}`;
  if (format === "json") return { filename, contentType: "application/json; charset=utf-8", body: JSON.stringify(results, null, 2) };
  const body = resultsCsv(results, locale, {
    hidden: t("results.masked.short"),
    reasons: { smallGroup: t("results.masked.smallGroup"), protectsAnotherGroup: t("results.masked.protectsAnotherGroup") },
    all: t("results.allGroups"),
    sources: { online: t("results.sources.online"), workshop: t("results.sources.workshop"), paper: t("results.sources.paper") },
    headers: {
      project: t("results.project"),
      kind: t("results.csv.kind"),
      indicator: t("results.csv.indicator"),
      group: t("results.group"),
      source: t("results.source"),
      n: t("results.answers"),
      dontKnow: t("results.dontKnow"),
      mean: t("results.mean"),
      topBox: t("results.topBox"),
      score: t("results.score"),
      value: t("results.csv.figure"),
      status: t("results.csv.status"),
    },
  });
  return { filename, contentType: "text/csv; charset=utf-8", body };
}
