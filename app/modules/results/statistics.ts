/**
 * Exact statistics of one question from its count cells (DESIGN.md §6): n, « je ne sais
 * pas », the distribution with its base, and by scale type the median and IQR, the mean with
 * its 95 % interval, the standard deviation, the top-2-box share with its Wilson interval and
 * the Tastle–Wierman consensus. « Je ne sais pas » is counted and shown, never averaged; every
 * share's base is n, the substantive answers.
 */
import { ANSWERED, DONT_KNOW, type Scale } from "../surveys/questions";
import { Z_975, studentTQuantile } from "./distributions";
import { type NumericCount, quantileType1, quantileType7, sortedCounts } from "./quantiles";
import { scaleValues } from "./summary";

export type Interval = { low: number; high: number };
export type DistributionEntry = { value: string; count: number; share: number | null };

/** Mean, spread and 95 % interval of numeric answers. */
export type Moments = { mean: number; sd: number | null; meanInterval: Interval | null };
export type TopBox = { values: string[]; count: number; share: number; interval: Interval };

export type OrdinalStatistics = Moments & { median: number; q1: number; q3: number; iqr: number; consensus: number };
export type NumberStatistics = Moments & { median: number; q1: number; q3: number; iqr: number; min: number | null; max: number | null };

export type QuestionStatistics = {
  /** Substantive answers: the base of every share and the n that masking counts. */
  n: number;
  dontKnow: number;
  /** Everyone who answered, « je ne sais pas » included. */
  respondents: number;
  distribution: DistributionEntry[];
  ordinal: OrdinalStatistics | null;
  topBox: TopBox | null;
  number: NumberStatistics | null;
};

/** Mean, sample standard deviation and t-based 95 % interval of the mean. */
export function moments(counts: readonly NumericCount[]): Moments | null {
  const n = counts.reduce((s, c) => s + c.count, 0);
  if (n === 0) return null;
  const mean = counts.reduce((s, c) => s + c.value * c.count, 0) / n;
  if (n === 1) return { mean, sd: null, meanInterval: null };
  const variance = counts.reduce((s, c) => s + c.count * (c.value - mean) ** 2, 0) / (n - 1);
  const sd = Math.sqrt(variance);
  const half = studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
  return { mean, sd, meanInterval: { low: mean - half, high: mean + half } };
}

/** Wilson score 95 % interval of a proportion x/n (Wilson 1927; Newcombe 1998, method 3). */
export function wilsonInterval(x: number, n: number, z = Z_975): Interval | null {
  if (n <= 0) return null;
  const p = x / n;
  const z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Tastle & Wierman (2007) consensus on an ordinal scale from `min` to `max`:
 * 1 + Σ pᵢ log₂(1 − |xᵢ − μ| / (max − min)). 1 when everyone gives the same answer, 0 when
 * answers split evenly between the two ends.
 */
export function tastleWiermanConsensus(counts: readonly NumericCount[], min: number, max: number): number | null {
  const n = counts.reduce((s, c) => s + c.count, 0);
  if (n === 0 || max <= min) return null;
  const mean = counts.reduce((s, c) => s + c.value * c.count, 0) / n;
  const width = max - min;
  let sum = 0;
  for (const c of counts) if (c.count > 0) sum += (c.count / n) * Math.log2(1 - Math.abs(c.value - mean) / width);
  return 1 + sum;
}

/**
 * Whether the smallest (or largest) number answer may be shown: only when at least k answers
 * hold that very value, so it describes a group and not the one person with the extreme.
 */
export function extremeIsShared(sorted: readonly NumericCount[], end: "min" | "max", k: number): boolean {
  const extreme = end === "min" ? sorted[0] : sorted.at(-1);
  return extreme !== undefined && extreme.count >= k;
}

function numericCounts(values: readonly string[], counts: ReadonlyMap<string, number>): NumericCount[] {
  return values.map((value) => ({ value: Number(value), count: counts.get(value) ?? 0 }));
}

function ordinalStatistics(counts: NumericCount[], min: number, max: number): OrdinalStatistics | null {
  const m = moments(counts);
  const median = quantileType1(counts, 0.5);
  const q1 = quantileType1(counts, 0.25);
  const q3 = quantileType1(counts, 0.75);
  const consensus = tastleWiermanConsensus(counts, min, max);
  if (!m || median === null || q1 === null || q3 === null || consensus === null) return null;
  return { ...m, median, q1, q3, iqr: q3 - q1, consensus };
}

function numberStatistics(counts: NumericCount[], k: number): NumberStatistics | null {
  const sorted = sortedCounts(counts);
  const m = moments(sorted);
  const median = quantileType7(sorted, 0.5);
  const q1 = quantileType7(sorted, 0.25);
  const q3 = quantileType7(sorted, 0.75);
  if (!m || median === null || q1 === null || q3 === null) return null;
  const min = extremeIsShared(sorted, "min", k) ? (sorted[0]?.value ?? null) : null;
  const max = extremeIsShared(sorted, "max", k) ? (sorted.at(-1)?.value ?? null) : null;
  return { ...m, median, q1, q3, iqr: q3 - q1, min, max };
}

function topBox(values: string[], counts: ReadonlyMap<string, number>, n: number): TopBox | null {
  const interval = wilsonInterval(values.reduce((s, v) => s + (counts.get(v) ?? 0), 0), n);
  if (!interval) return null;
  const count = values.reduce((s, v) => s + (counts.get(v) ?? 0), 0);
  return { values, count, share: count / n, interval };
}

/**
 * All the statistics of one question (one project, group, source, or all together) from its
 * count cells. k is used only to decide whether a number question's min and max may be shown;
 * whether the whole figure may be shown is masking's decision (masking.ts).
 */
export function questionStatistics(scale: Scale, counts: ReadonlyMap<string, number>, k: number): QuestionStatistics {
  const dontKnow = counts.get(DONT_KNOW) ?? 0;
  const known = scaleValues(scale);
  const values = known.length > 0 ? known : [...counts.keys()].filter((v) => v !== ANSWERED && v !== DONT_KNOW).sort((a, b) => Number(a) - Number(b));
  const summed = values.reduce((s, v) => s + (counts.get(v) ?? 0), 0);
  // Multiple choice adds one count per option chosen: its n is the people who answered.
  const answered = counts.get(ANSWERED);
  const n = answered !== undefined && scale.type === "choice" && scale.multiple ? answered - dontKnow : summed;
  const distribution = values.map((value) => {
    const count = counts.get(value) ?? 0;
    return { value, count, share: n > 0 ? count / n : null };
  });
  const base = { n, dontKnow, respondents: n + dontKnow, distribution, ordinal: null, topBox: null, number: null };
  switch (scale.type) {
    case "likert":
      return { ...base, ordinal: ordinalStatistics(numericCounts(values, counts), 1, scale.points), topBox: topBox(values.slice(-2), counts, n) };
    case "rating":
      return { ...base, ordinal: ordinalStatistics(numericCounts(values, counts), scale.min, scale.max), topBox: topBox(values.slice(-2), counts, n) };
    case "yes_no":
      return { ...base, topBox: topBox(["yes"], counts, n) };
    case "number":
      return { ...base, number: numberStatistics(numericCounts(values, counts), k) };
    case "choice":
    case "text":
      return base;
  }
}
