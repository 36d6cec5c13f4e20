/**
 * Reported figures and the rates computed from them (kind "computed"), per project: shown
 * against baseline and target with progress, never mixed with answers. A rate whose
 * denominator counts people is not shown below k people (it would describe a handful of
 * named workers); a rate is never computed from a missing figure.
 */
import type { Framework, Indicator } from "../../../evaluation-frameworks/schema";
import { computeIndicatorValue, progressTowardTarget } from "./computed";
import type { ComputedResult, ReportedFigureResult } from "./results-types";

export type StoredFigure = { projectId: string; indicatorId: string; value: number; sourceNote: string | null; enteredBy: string | null; enteredAt: string };

/** Scales whose figures count people: a rate over fewer than k of them is not shown. */
export const PEOPLE_COUNT_SCALES = ["nb_personnes", "effectif_annuel"] as const;

function unitOf(framework: Framework, indicator: Indicator) {
  const scale = framework.scales.find((s) => s.id === indicator.scale);
  return scale?.type === "number" ? scale.unit : null;
}

function progressOf(indicator: Indicator, value: number | null): number | null {
  return value === null ? null : progressTowardTarget(value, { baseline: indicator.baseline, target: indicator.target, polarity: indicator.polarity });
}

export function reportedFigureResults(framework: Framework, projectIds: readonly string[], stored: readonly StoredFigure[]): ReportedFigureResult[] {
  const reported = framework.indicators.filter((i) => i.kind === "reported_figure");
  return projectIds.flatMap((projectId) =>
    reported.map((indicator) => {
      const figure = stored.find((f) => f.projectId === projectId && f.indicatorId === indicator.id);
      const value = figure?.value ?? null;
      return {
        projectId,
        indicatorId: indicator.id,
        dimensionId: indicator.dimension,
        label: indicator.label,
        unit: unitOf(framework, indicator),
        value,
        sourceNote: figure?.sourceNote ?? null,
        enteredBy: figure?.enteredBy ?? null,
        enteredAt: figure?.enteredAt ?? null,
        baseline: indicator.baseline ?? null,
        target: indicator.target ?? null,
        progress: progressOf(indicator, value),
      };
    }),
  );
}

export function computedResults(framework: Framework, projectIds: readonly string[], stored: readonly StoredFigure[], k: number): ComputedResult[] {
  const computed = framework.indicators.filter((i) => i.kind === "computed");
  const peopleScales = new Set<string>(PEOPLE_COUNT_SCALES);
  const byId = new Map(framework.indicators.map((i) => [i.id, i]));
  return projectIds.flatMap((projectId) => {
    const figures = new Map(stored.filter((f) => f.projectId === projectId).map((f) => [f.indicatorId, f.value]));
    return computed.flatMap((indicator) => {
      const formula = indicator.formula;
      if (!formula) return [];
      const outcome = computeIndicatorValue(formula, figures);
      const countsPeople = formula.denominator.every((id) => peopleScales.has(byId.get(id)?.scale ?? ""));
      const denominator = formula.denominator.reduce((s, id) => s + (figures.get(id) ?? 0), 0);
      const tooFew = outcome.status === "ok" && countsPeople && denominator < k;
      const value = outcome.status === "ok" && !tooFew ? outcome.value : null;
      return [
        {
          projectId,
          indicatorId: indicator.id,
          dimensionId: indicator.dimension,
          label: indicator.label,
          unit: unitOf(framework, indicator),
          status: tooFew ? "smallDenominator" : outcome.status,
          value,
          baseline: indicator.baseline ?? null,
          target: indicator.target ?? null,
          progress: progressOf(indicator, value),
          numerator: formula.numerator,
          denominator: formula.denominator,
        },
      ];
    });
  });
}
