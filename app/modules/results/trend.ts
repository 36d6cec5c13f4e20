/**
 * An indicator against time: this campaign's shown value next to the previous closed
 * campaign's (indicator ids are stable across framework versions), and the way travelled from
 * the framework's baseline toward its target. Values are in the scale's unit, as baseline and
 * target are in the framework (mean for likert and rating, % of yes for yes/no, 0–100 score for
 * a choice, mean for a number). A hidden value stays hidden: no change is computed from it.
 */
import type { Masked } from "./masking";
import type { IndicatorScore } from "./scores";
import type { QuestionStatistics } from "./statistics";
import type { Scale } from "../surveys/questions";

export type ShownValue = Masked<{ value: number }> | null;

export type Trend = {
  /** current − previous; null when either is missing or hidden. */
  change: number | null;
  /** (current − baseline) / (target − baseline): 0 at the baseline, 1 at the target, may leave 0–1. */
  progress: number | null;
  /** Whether the target is reached, in the direction from baseline to target. */
  targetReached: boolean | null;
};

const shown = (v: ShownValue): number | null => (v && !v.hidden ? v.value : null);

export function indicatorTrend(input: { current: ShownValue; previous: ShownValue; baseline?: number; target?: number }): Trend {
  const current = shown(input.current);
  const previous = shown(input.previous);
  const { baseline, target } = input;
  const change = current !== null && previous !== null ? current - previous : null;
  if (current === null || target === undefined) return { change, progress: null, targetReached: null };
  const targetReached = baseline === undefined || target >= baseline ? current >= target : current <= target;
  const progress = baseline === undefined || target === baseline ? null : (current - baseline) / (target - baseline);
  return { change, progress, targetReached };
}

/** The value a trend compares, in the scale's unit (see the file comment); null when not computed. */
export function valueInScaleUnit(scale: Scale, statistics: QuestionStatistics, score: IndicatorScore | null): number | null {
  switch (scale.type) {
    case "likert":
    case "rating":
      return statistics.ordinal?.mean ?? null;
    case "yes_no":
      return statistics.topBox ? statistics.topBox.share * 100 : null;
    case "choice":
      return score?.score ?? null;
    case "number":
      return statistics.number?.mean ?? null;
    case "text":
      return null;
  }
}
