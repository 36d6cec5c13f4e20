/**
 * The findings an elected official reads first: large or moderate divergences between groups
 * (divergence.ts, on shown figures only) and each project's lowest and highest dimension.
 * Data plus i18n keys; the page words them.
 */
import { type ComparedGroup, compareGroups, divergenceFinding } from "./divergence";
import { figureAt } from "./indicator-results";
import type { Finding, IndicatorResult, ProjectScores } from "./results-types";

function comparedGroups(result: IndicatorResult, projectId: string, groupIds: readonly string[]): ComparedGroup[] {
  return groupIds.flatMap((groupId): ComparedGroup[] => {
    const figure = figureAt(result.figures, { projectId, groupId, source: null });
    if (!figure) return [];
    if (figure.result.hidden) return [{ id: groupId, answers: figure.result }];
    const counts = figure.result.statistics.distribution.map((d) => ({ value: Number(d.value), count: d.count }));
    return [{ id: groupId, answers: { hidden: false, counts } }];
  });
}

export function campaignFindings(results: readonly IndicatorResult[], scores: readonly ProjectScores[], groupIds: readonly string[]): Finding[] {
  const ordinal = results.filter((r) => r.scale.type === "likert" || r.scale.type === "rating");
  const divergences = scores.flatMap(({ projectId }) => {
    const comparisons = compareGroups(ordinal.map((r) => ({ indicatorId: r.indicatorId, polarity: r.polarity, groups: comparedGroups(r, projectId, groupIds) })));
    return comparisons.flatMap((c) => {
      const finding = divergenceFinding(c);
      return finding ? [{ kind: "divergence" as const, projectId, ...finding }] : [];
    });
  });
  const extremes = scores.flatMap(({ projectId, dimensions }) => {
    const scored = dimensions.flatMap((d) => (d.score === null ? [] : [{ dimensionId: d.dimensionId, score: d.score }])).sort((a, b) => a.score - b.score);
    const lowest = scored[0];
    const highest = scored.at(-1);
    if (!lowest || !highest || scored.length < 2) return [];
    return [
      { kind: "lowest" as const, projectId, ...lowest },
      { kind: "highest" as const, projectId, ...highest },
    ];
  });
  return [...divergences.sort((a, b) => Math.abs(b.rankBiserial) - Math.abs(a.rankBiserial)), ...extremes];
}
