/**
 * Dimension scores per project (DESIGN.md §6): per group, the framework-weighted mean of its
 * indicators' 0–100 scores (masked inputs hide the score); the headline gives every group the
 * same weight; reported figures and computed rates enter only as progress toward their target,
 * weighted like any indicator of the dimension.
 */
import type { Dimension, Indicator } from "../../../evaluation-frameworks/schema";
import { figureAt } from "./indicator-results";
import type { Masked } from "./masking";
import type { DimensionResult, IndicatorResult, ProjectScores } from "./results-types";
import { type IndicatorScore, dimensionScore, headlineScore } from "./scores";

type Progress = { projectId: string; indicatorId: string; progress: number | null };

function indicatorScoreOf(result: IndicatorResult, projectId: string, groupId: string): Masked<IndicatorScore> | null {
  const figure = figureAt(result.figures, { projectId, groupId, source: null });
  if (!figure) return null;
  if (figure.result.hidden) return figure.result;
  return figure.result.score ? { hidden: false, ...figure.result.score } : null;
}

export function projectScores(input: {
  dimensions: readonly Dimension[];
  indicators: readonly Indicator[];
  results: readonly IndicatorResult[];
  progress: readonly Progress[];
  projectIds: readonly string[];
  groupIds: readonly string[];
}): ProjectScores[] {
  const weights = new Map(input.indicators.map((i) => [i.id, i.weight]));
  return input.projectIds.map((projectId) => ({
    projectId,
    dimensions: input.dimensions.map((dimension): DimensionResult => {
      const asked = input.results.filter((r) => r.dimensionId === dimension.id);
      const byGroup = input.groupIds.map((groupId) => ({
        groupId,
        score: dimensionScore(asked.map((r) => ({ indicatorId: r.indicatorId, weight: weights.get(r.indicatorId) ?? 1, score: indicatorScoreOf(r, projectId, groupId) }))),
      }));
      const answers = headlineScore(byGroup);
      const dimensionIndicators = new Set(input.indicators.filter((i) => i.dimension === dimension.id).map((i) => i.id));
      const progress = input.progress.flatMap((p) => (p.projectId === projectId && p.progress !== null && dimensionIndicators.has(p.indicatorId) ? [{ indicatorId: p.indicatorId, progress: p.progress }] : []));
      // The answers weigh what their scored indicators weigh in the framework.
      const scoredIds = new Set(byGroup.flatMap((g) => (g.score && !g.score.hidden ? g.score.indicators : [])));
      const answerWeight = [...scoredIds].reduce((s, id) => s + (weights.get(id) ?? 1), 0);
      const parts = [...(answers ? [{ weight: answerWeight, value: answers.score }] : []), ...progress.map((p) => ({ weight: weights.get(p.indicatorId) ?? 1, value: p.progress }))];
      const totalWeight = parts.reduce((s, p) => s + p.weight, 0);
      const score = totalWeight > 0 ? parts.reduce((s, p) => s + p.weight * p.value, 0) / totalWeight : null;
      return { dimensionId: dimension.id, answers, progress, score, byGroup };
    }),
  }));
}
