/**
 * Quantiles read from counts (value → how many), without expanding the answers, so the time
 * does not grow with responses. Two definitions (Hyndman & Fan 1996, R's `quantile(type =)`):
 * - type 1, the inverse of the empirical distribution function, for ordinal scales: the
 *   quantile is always an answer someone gave (« plutôt d'accord »), never « 3,5 »;
 * - type 7, R's default (linear interpolation between order statistics), for number answers.
 */
export type NumericCount = { value: number; count: number };

/** Counts sorted by value, zero counts dropped. */
export function sortedCounts(counts: readonly NumericCount[]): NumericCount[] {
  return counts.filter((c) => c.count > 0).sort((a, b) => a.value - b.value);
}

/** The j-th smallest answer (1-based) of sorted counts. */
export function orderStatistic(sorted: readonly NumericCount[], j: number): number {
  let seen = 0;
  for (const c of sorted) {
    seen += c.count;
    if (seen >= j) return c.value;
  }
  const last = sorted.at(-1);
  if (!last) throw new RangeError("no answers");
  return last.value;
}

function total(sorted: readonly NumericCount[]): number {
  return sorted.reduce((sum, c) => sum + c.count, 0);
}

/** R type 1: x₍⌈np⌉₎ (x₍₁₎ for p = 0). Null without answers. */
export function quantileType1(counts: readonly NumericCount[], p: number): number | null {
  const sorted = sortedCounts(counts);
  const n = total(sorted);
  if (n === 0) return null;
  // The rounding guard keeps n·p = 3 from becoming 3.0000000000000004 and picking x₍₄₎.
  return orderStatistic(sorted, Math.max(1, Math.ceil(n * p - 1e-9)));
}

/** R type 7: x₍h₎ interpolated with h = (n − 1)p + 1. Null without answers. */
export function quantileType7(counts: readonly NumericCount[], p: number): number | null {
  const sorted = sortedCounts(counts);
  const n = total(sorted);
  if (n === 0) return null;
  const h = (n - 1) * p + 1;
  const low = Math.floor(h);
  const lower = orderStatistic(sorted, low);
  const upper = orderStatistic(sorted, Math.min(n, low + 1));
  return lower + (h - low) * (upper - lower);
}
