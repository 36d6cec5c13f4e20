/**
 * Count cells → one masked table per question indicator. The finest cells are project ×
 * stakeholder group × source; the page shows, per project, each group and each source, and
 * the project and campaign totals: those margins are what masking protects together (one
 * table per indicator keeps its cost small, see masking.ts).
 */
import type { Framework, Indicator } from "../../../evaluation-frameworks/schema";
import { askedPairs, type GroupProject } from "../campaigns/group-projects";
import { ALL, thresholdFor } from "./masking";
import { type CountedCell, maskedQuestionTable } from "./question-table";
import { RESULT_SOURCES, type IndicatorResult, type ResultFigure, type ResultSource } from "./results-types";

export type SourceCountCell = { projectId: string; indicatorId: string; groupId: string; source: string; value: string; count: number };

export const TABLE_DIMENSIONS = ["project", "group", "source"] as const;
/** The margins the pages, the CSV and the JSON show: nothing else is computed. */
export const SHOWN_MARGINS = [["project", "group"], ["project", "source"], ["project"], []] as const;

function asSource(value: string | undefined): ResultSource | null {
  return RESULT_SOURCES.find((s) => s === value) ?? null;
}

function coordinate(value: string | undefined): string | null {
  return value === undefined || value === ALL ? null : value;
}

/** Groups the cells of one campaign by indicator, then by finest cell. */
function cellsByIndicator(cells: readonly SourceCountCell[]): Map<string, Map<string, { coords: Record<string, string>; counts: Map<string, number> }>> {
  const byIndicator = new Map<string, Map<string, { coords: Record<string, string>; counts: Map<string, number> }>>();
  for (const cell of cells) {
    const table = byIndicator.get(cell.indicatorId) ?? new Map();
    byIndicator.set(cell.indicatorId, table);
    const key = `${cell.projectId}|${cell.groupId}|${cell.source}`;
    const entry = table.get(key) ?? { coords: { project: cell.projectId, group: cell.groupId, source: cell.source }, counts: new Map<string, number>() };
    entry.counts.set(cell.value, (entry.counts.get(cell.value) ?? 0) + cell.count);
    table.set(key, entry);
  }
  return byIndicator;
}

export type IndicatorScope = { framework: Framework; indicators: readonly Indicator[]; projectIds: readonly string[]; groupIds: readonly string[]; k: number; unasked?: readonly GroupProject[] };

/** Every question indicator's masked figures (trends are added by the caller). */
export function indicatorResults(scope: IndicatorScope, cells: readonly SourceCountCell[]): Omit<IndicatorResult, "trends">[] {
  const scales = new Map(scope.framework.scales.map((s) => [s.id, s]));
  const projects = new Set(scope.projectIds);
  const groups = new Set(scope.groupIds);
  const isPairAsked = askedPairs(scope.unasked ?? []);
  // A group not asked about a project has no figure there at all (the page says « non interrogé »):
  // neither 0 nor a hidden figure. An empty figure hides nothing, so dropping it changes no mask.
  const asked = (groupId: string | null, projectId: string | null) => groupId === null || projectId === null || isPairAsked(groupId, projectId);
  const byIndicator = cellsByIndicator(cells.filter((c) => projects.has(c.projectId) && groups.has(c.groupId) && asked(c.groupId, c.projectId)));
  return scope.indicators.flatMap((indicator) => {
    const scale = scales.get(indicator.scale);
    if (!scale || scale.type === "text") return [];
    const threshold = thresholdFor(scope.k, indicator.minN);
    const counted: CountedCell[] = [...(byIndicator.get(indicator.id)?.values() ?? [])];
    // Every project of the campaign appears, even one nobody answered about.
    for (const projectId of scope.projectIds) {
      const group = scope.groupIds.find((g) => asked(g, projectId)) ?? ALL;
      if (!counted.some((c) => c.coords.project === projectId)) counted.push({ coords: { project: projectId, group, source: "online" }, counts: new Map() });
    }
    const masked = maskedQuestionTable({ scale, polarity: indicator.polarity, dimensions: TABLE_DIMENSIONS, margins: SHOWN_MARGINS, threshold }, counted);
    const figures: ResultFigure[] = masked
      .map((f) => ({ projectId: coordinate(f.coords.project), groupId: coordinate(f.coords.group), source: asSource(f.coords.source), result: f.result }))
      .filter((f) => asked(f.groupId, f.projectId));
    return [
      {
        indicatorId: indicator.id,
        dimensionId: indicator.dimension,
        label: indicator.label,
        question: indicator.question,
        scale,
        polarity: indicator.polarity,
        baseline: indicator.baseline ?? null,
        target: indicator.target ?? null,
        threshold,
        figures,
      },
    ];
  });
}

/** The figure of an indicator at these coordinates (null = all together), if it is part of the table. */
export function figureAt(figures: readonly ResultFigure[], at: { projectId: string | null; groupId: string | null; source: ResultSource | null }): ResultFigure | undefined {
  return figures.find((f) => f.projectId === at.projectId && f.groupId === at.groupId && f.source === at.source);
}
