import type { Framework, Polarity } from "../../../evaluation-frameworks/schema";
import type { Hidden, Masked } from "../results/masking";
import type { DimensionResult } from "../results/results-types";
import { dimensionScore, type DimensionScore, type IndicatorScore, indicatorScore } from "../results/scores";
import type { Scale } from "../surveys/questions";
import { DIVERGENCE_POINTS, type FindingFigures, type MaskedScore } from "./figures";

/** One question's masked result as the results service gives it (shown summaries only). */
type Shown = { shown: true; n: number; dontKnow: number; mean: number | null; distribution: readonly { value: string; count: number }[] } | { shown: false };
export type QuestionResult = {
  projectId: string;
  indicator: { id: string; dimension: string; weight: number; polarity: Polarity; label: { fr: string; en: string } };
  scale: Scale;
  total: Shown;
  byGroup: readonly { groupId: string; result: Shown }[];
};

export type DraftFinding = { projectId: string; dimensionId: string; figures: FindingFigures };

/** A reported figure or computed rate of a project, already masked by the results service. */
export type ReportedInput = FindingFigures["reported"][number] & { projectId: string; dimensionId: string };

/** What the workshops leave, as the workshops area gives it: only publishable stories. */
export type WorkshopInput = {
  positions: readonly { projectId: string; indicatorId: string; kind: FindingFigures["workshopPositions"][number]["kind"]; reasoning: string; minorityView: string | null }[];
  stories: readonly { projectId: string; dimensionId: string; text: string }[];
};

/** The results engine's dimension scores of one project (answers and progress toward targets). */
export type EngineScores = { projectId: string; dimensions: readonly Pick<DimensionResult, "dimensionId" | "score" | "answers" | "progress">[] };

export type DraftExtras = { reported: readonly ReportedInput[]; workshop: WorkshopInput; scores: readonly EngineScores[] };
const NO_EXTRAS: DraftExtras = { reported: [], workshop: { positions: [], stories: [] }, scores: [] };

const HIDDEN: Hidden = { hidden: true, reason: "smallGroup" };

function countsOf(result: Extract<Shown, { shown: true }>): Map<string, number> {
  return new Map(result.distribution.map((d) => [d.value, d.count]));
}

function scoreOf(scale: Scale, polarity: Polarity, result: Shown): Masked<IndicatorScore> | null {
  if (!result.shown) return HIDDEN;
  const score = indicatorScore(scale, polarity, countsOf(result));
  return score ? { hidden: false, ...score } : null;
}

/**
 * The finding's headline is the results engine's dimension score (answers and progress toward
 * targets, by the framework's weights), so the draft and the results page show one number. Its
 * interval is the answers' when they are all it is made of; progress has none to add. Nothing
 * scored while a group is hidden stays hidden.
 */
function headlineOf(engine: EngineScores["dimensions"][number] | undefined, groups: readonly { score: Masked<DimensionScore> | null }[]): MaskedScore | null {
  if (engine && engine.score !== null) {
    const interval = engine.progress.length === 0 ? (engine.answers?.interval ?? null) : null;
    return { hidden: false, score: engine.score, low: interval?.low ?? null, high: interval?.high ?? null };
  }
  return groups.some((g) => g.score?.hidden) ? { hidden: true } : null;
}

function masked(score: Masked<DimensionScore> | null): MaskedScore | null {
  if (!score) return null;
  if (score.hidden) return { hidden: true };
  return { hidden: false, score: score.score, low: score.interval?.low ?? null, high: score.interval?.high ?? null };
}

/**
 * The draft evaluation's findings: one per project and dimension that has questions or
 * reported figures, built only from figures the results service already masked, with the
 * workshops' collective positions and publishable stories on that project and dimension. A group's dimension score is hidden
 * when any of its indicators is (the engine's rule); the headline is the engine's
 * (headlineOf); a divergence is the widest gap between two shown groups.
 */
export function buildDraftFindings(framework: Pick<Framework, "dimensions">, projectIds: readonly string[], groupIds: readonly string[], questions: readonly QuestionResult[], extras: DraftExtras = NO_EXTRAS): DraftFinding[] {
  return projectIds.flatMap((projectId) =>
    framework.dimensions.flatMap((dimension) => {
      const own = questions.filter((q) => q.projectId === projectId && q.indicator.dimension === dimension.id);
      const reported = extras.reported.filter((r) => r.projectId === projectId && r.dimensionId === dimension.id);
      if (own.length === 0 && reported.length === 0) return [];
      const groups = groupIds.flatMap((groupId) => {
        const answered = own.flatMap((q) => {
          const part = q.byGroup.find((g) => g.groupId === groupId);
          return part ? [{ indicatorId: q.indicator.id, weight: q.indicator.weight, score: scoreOf(q.scale, q.indicator.polarity, part.result) }] : [];
        });
        return answered.length === 0 ? [] : [{ groupId, score: dimensionScore(answered) }];
      });
      const shownGroups = groups.flatMap((g) => (g.score && !g.score.hidden ? [{ groupId: g.groupId, score: g.score.score }] : [])).sort((a, b) => b.score - a.score);
      const high = shownGroups[0];
      const low = shownGroups[shownGroups.length - 1];
      const divergence = high && low && high.score - low.score >= DIVERGENCE_POINTS ? { highGroupId: high.groupId, lowGroupId: low.groupId, gap: high.score - low.score } : null;
      const figures: FindingFigures = {
        score: headlineOf(extras.scores.find((p) => p.projectId === projectId)?.dimensions.find((d) => d.dimensionId === dimension.id), groups),
        groups: groups.map((g) => ({ groupId: g.groupId, score: masked(g.score) })),
        indicators: own.map((q) => {
          if (!q.total.shown) return { indicatorId: q.indicator.id, label: q.indicator.label, result: { hidden: true as const } };
          const score = indicatorScore(q.scale, q.indicator.polarity, countsOf(q.total));
          return { indicatorId: q.indicator.id, label: q.indicator.label, result: { hidden: false as const, n: q.total.n, dontKnow: q.total.dontKnow, mean: q.total.mean, score: score?.score ?? null } };
        }),
        divergence,
        stories: extras.workshop.stories.filter((st) => st.projectId === projectId && st.dimensionId === dimension.id).map((st) => ({ text: st.text, source: "workshop" })),
        workshopPositions: extras.workshop.positions.flatMap((p) => {
          const question = p.projectId === projectId ? own.find((q) => q.indicator.id === p.indicatorId) : undefined;
          return question ? [{ indicatorId: p.indicatorId, label: question.indicator.label, kind: p.kind, reasoning: p.reasoning, minorityView: p.minorityView }] : [];
        }),
        reported: reported.map(({ projectId: _p, dimensionId: _d, ...r }) => r),
      };
      return [{ projectId, dimensionId: dimension.id, figures }];
    }),
  );
}
