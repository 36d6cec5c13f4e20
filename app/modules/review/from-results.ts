import type { Framework } from "../../../evaluation-frameworks/schema";
import type { AvailableResults, ResultFigure } from "../results/results-types";
import type { QuestionResult, ReportedInput } from "./draft";

type Shown = QuestionResult["total"];

function shownOf(figure: ResultFigure | undefined): Shown {
  if (!figure || figure.result.hidden) return { shown: false };
  const { statistics } = figure.result;
  const mean = statistics.ordinal?.mean ?? statistics.number?.mean ?? null;
  return { shown: true, n: statistics.n, dontKnow: statistics.dontKnow, mean, distribution: statistics.distribution.map((d) => ({ value: d.value, count: d.count })) };
}

/**
 * The draft's questions from the results service's masked figures: per project, the figure of
 * all groups and sources together and one per group (all sources together). Only figures the
 * service showed come through; the framework gives each indicator's weight.
 */
export function questionResultsFrom(results: AvailableResults, framework: Pick<Framework, "indicators">): QuestionResult[] {
  const weights = new Map(framework.indicators.map((i) => [i.id, i.weight]));
  return results.projects.flatMap((project) =>
    results.indicators.map((indicator) => {
      const at = (groupId: string | null) => indicator.figures.find((f) => f.projectId === project.id && f.groupId === groupId && f.source === null);
      return {
        projectId: project.id,
        indicator: { id: indicator.indicatorId, dimension: indicator.dimensionId, weight: weights.get(indicator.indicatorId) ?? 1, polarity: indicator.polarity, label: indicator.label },
        scale: indicator.scale,
        total: shownOf(at(null)),
        byGroup: results.groups.flatMap((group) => {
          const figure = at(group.id);
          return figure ? [{ groupId: group.id, result: shownOf(figure) }] : [];
        }),
      };
    }),
  );
}

/**
 * The draft's reported figures and computed rates, per project, as the results service shows
 * them: a rate it did not show (too few people in its denominator) is hidden, never filled.
 * Figures without a value are left out.
 */
export function reportedFrom(results: Pick<AvailableResults, "reported" | "computed">): ReportedInput[] {
  const common = (r: AvailableResults["reported"][number] | AvailableResults["computed"][number]) => ({ projectId: r.projectId, dimensionId: r.dimensionId, indicatorId: r.indicatorId, label: r.label, unit: r.unit, baseline: r.baseline, target: r.target });
  // A figure nobody reported (or a rate missing one of its parts) says nothing: left out, so the
  // printed report is not a list of empty rows.
  return [
    ...results.reported.flatMap((r) => (r.value === null ? [] : [{ ...common(r), kind: "reported" as const, result: { hidden: false as const, value: r.value, progress: r.progress } }])),
    ...results.computed.flatMap((r): ReportedInput[] => {
      if (r.status === "smallDenominator") return [{ ...common(r), kind: "computed" as const, result: { hidden: true as const } }];
      return r.value === null ? [] : [{ ...common(r), kind: "computed" as const, result: { hidden: false as const, value: r.value, progress: r.progress } }];
    }),
  ];
}
