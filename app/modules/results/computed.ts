// Computed indicators (kind "computed") for the results engine: a rate derived from reported
// figures by the framework's formula, and how far a figure or rate has gone toward its target —
// the only way a reported figure or a rate enters a 0–100 dimension score (schema.ts, "target").
import type { Formula, Polarity } from "../../../evaluation-frameworks/schema";

export type ComputedValue = { status: "ok"; value: number } | { status: "missing"; figureIds: string[] } | { status: "zero_denominator" };

/**
 * multiplier × sum(numerator) ÷ sum(denominator). No value when a figure has not been reported
 * (never read as 0: a missing figure is not a zero) or when the denominator is 0.
 */
export function computeIndicatorValue(formula: Formula, figures: ReadonlyMap<string, number>): ComputedValue {
  const missing = [...formula.numerator, ...formula.denominator].filter((id) => figures.get(id) === undefined);
  if (missing.length > 0) return { status: "missing", figureIds: [...new Set(missing)] };
  const sum = (ids: readonly string[]) => ids.reduce((total, id) => total + (figures.get(id) ?? 0), 0);
  const denominator = sum(formula.denominator);
  if (denominator === 0) return { status: "zero_denominator" };
  return { status: "ok", value: (formula.multiplier * sum(formula.numerator)) / denominator };
}

/**
 * Progress toward the target on 0–100: 100 × (value − baseline) ÷ (target − baseline), kept
 * within 0–100. Without a baseline progress starts from 0. Null without a target (the figure is
 * shown, never scored), or for a figure meant to go down that has no baseline to start from.
 */
export function progressTowardTarget(value: number, reference: { baseline?: number; target?: number; polarity: Polarity }): number | null {
  const { target, polarity } = reference;
  if (target === undefined) return null;
  if (polarity === "negative" && reference.baseline === undefined) return null;
  const baseline = reference.baseline ?? 0;
  if (target === baseline) return null;
  const share = (value - baseline) / (target - baseline);
  return 100 * Math.min(1, Math.max(0, share));
}
