/**
 * Dimension scores 0–100 (DESIGN.md §6, the framework's `scoring`: weighted mean, 0–100,
 * « je ne sais pas » excluded). Each answer is first rescaled to 0–100 in its indicator's
 * direction (higher = better impact), an indicator's score is the mean of its rescaled answers,
 * a dimension's score for one group is the framework-weighted mean of its indicators' scores,
 * and the headline score gives each stakeholder group the same weight, whatever its size.
 */
import type { Polarity } from "../../../evaluation-frameworks/schema";
import type { Scale } from "../surveys/questions";
import type { Hidden, Masked } from "./masking";
import { type Interval, moments } from "./statistics";

/**
 * The 0–100 score of one answer: likert 1…5 and rating 0…10 rescaled linearly, yes = 100 and
 * no = 0, reversed for a negative polarity; a choice option's own score (already « higher =
 * better » in the framework, so never reversed). Null for what is not scored: options without
 * a score, multiple choice, numbers and free text.
 */
export function answerScore(scale: Scale, polarity: Polarity, value: string): number | null {
  const oriented = (score: number) => (polarity === "negative" ? 100 - score : score);
  switch (scale.type) {
    case "likert": {
      const v = Number(value);
      return Number.isInteger(v) && v >= 1 && v <= scale.points ? oriented(((v - 1) / (scale.points - 1)) * 100) : null;
    }
    case "rating": {
      const v = Number(value);
      return Number.isInteger(v) && v >= scale.min && v <= scale.max ? oriented(((v - scale.min) / (scale.max - scale.min)) * 100) : null;
    }
    case "yes_no":
      return value === "yes" ? oriented(100) : value === "no" ? oriented(0) : null;
    case "choice":
      return scale.multiple ? null : (scale.options.find((o) => o.value === value)?.score ?? null);
    case "number":
    case "text":
      return null;
  }
}

/** halfWidth is the interval's before it is cut to 0–100, used to combine intervals. */
export type IndicatorScore = { score: number; n: number; interval: Interval | null; halfWidth: number | null };

/**
 * An indicator's 0–100 score from its count cells: the mean of its scored answers with its
 * t-based 95 % interval; « je ne sais pas » and unscored answers are left out. Null when no
 * answer is scored.
 */
export function indicatorScore(scale: Scale, polarity: Polarity, counts: ReadonlyMap<string, number>): IndicatorScore | null {
  const scored = [...counts].flatMap(([value, count]) => {
    const score = answerScore(scale, polarity, value);
    return score === null || count <= 0 ? [] : [{ value: score, count }];
  });
  const m = moments(scored);
  if (!m) return null;
  const halfWidth = m.meanInterval ? (m.meanInterval.high - m.meanInterval.low) / 2 : null;
  return { score: m.mean, n: scored.reduce((s, c) => s + c.count, 0), interval: around(m.mean, halfWidth), halfWidth };
}

/** score ± half, cut to 0–100; null without a half-width. */
function around(score: number, half: number | null): Interval | null {
  return half === null ? null : { low: Math.max(0, score - half), high: Math.min(100, score + half) };
}

export type WeightedScore = { indicatorId: string; weight: number; score: Masked<IndicatorScore> | null };
export type DimensionScore = { score: number; interval: Interval | null; halfWidth: number | null; minN: number; indicators: string[] };

function hiddenFrom(hidden: readonly Hidden[]): Hidden {
  return { hidden: true, reason: hidden.some((h) => h.reason === "smallGroup") ? "smallGroup" : "protectsAnotherGroup" };
}

/**
 * One group's score on one dimension: the weighted mean of its indicators' scores (indicators
 * without a score are left out of the weights). Hidden when any input is hidden, since the
 * dimension score and the shown indicators would give the hidden one back. The interval is
 * prudent: its half-width is the weighted sum of the indicators' half-widths, the widest the
 * weighted mean can have whatever the correlation between indicators (the same people answer
 * several). minN is the smallest n among the indicators.
 */
export function dimensionScore(indicators: readonly WeightedScore[]): Masked<DimensionScore> | null {
  const hidden = indicators.flatMap((i) => (i.score?.hidden ? [i.score] : []));
  if (hidden.length > 0) return hiddenFrom(hidden);
  const scored = indicators.flatMap((i) => (i.score && !i.score.hidden ? [{ ...i, value: i.score }] : []));
  const totalWeight = scored.reduce((s, i) => s + i.weight, 0);
  if (scored.length === 0 || totalWeight <= 0) return null;
  const score = scored.reduce((s, i) => s + i.weight * i.value.score, 0) / totalWeight;
  const halfWidth = scored.every((i) => i.value.halfWidth !== null) ? scored.reduce((s, i) => s + (i.weight / totalWeight) * (i.value.halfWidth ?? 0), 0) : null;
  return {
    hidden: false,
    score,
    interval: around(score, halfWidth),
    halfWidth,
    minN: Math.min(...scored.map((i) => i.value.n)),
    indicators: scored.map((i) => i.indicatorId),
  };
}

export type HeadlineScore = { score: number; interval: Interval | null; groups: string[] };

/**
 * The headline score of a dimension: the plain mean of the shown groups' scores, so that each
 * stakeholder group weighs the same. Hidden groups are left out (and listed by the page as not
 * included). Groups are different people, so their half-widths add in quadrature: √Σh² / G.
 */
export function headlineScore(groups: readonly { groupId: string; score: Masked<DimensionScore> | null }[]): HeadlineScore | null {
  const shown = groups.flatMap((g) => (g.score && !g.score.hidden ? [{ groupId: g.groupId, value: g.score }] : []));
  if (shown.length === 0) return null;
  const score = shown.reduce((s, g) => s + g.value.score, 0) / shown.length;
  const halfWidth = shown.every((g) => g.value.halfWidth !== null) ? Math.sqrt(shown.reduce((s, g) => s + (g.value.halfWidth ?? 0) ** 2, 0)) / shown.length : null;
  return { score, interval: around(score, halfWidth), groups: shown.map((g) => g.groupId) };
}
