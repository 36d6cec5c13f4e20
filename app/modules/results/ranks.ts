/**
 * Rank tests between groups on ordinal answers, read from counts: every answer of one scale
 * point shares the mid-rank of that point, so ties are the rule and both tests carry the tie
 * correction. Kruskal–Wallis (any number of groups, χ² approximation, df = groups − 1) with
 * ε² as effect size; Mann–Whitney U for two groups (normal approximation with tie-corrected
 * variance and continuity correction, as R's wilcox.test(correct = TRUE) and SciPy's default)
 * with the rank-biserial correlation as effect size; Holm's correction across indicators.
 */
import { chiSquareSurvival, normalTwoSided } from "./distributions";
import type { NumericCount } from "./quantiles";

export type RankedGroup = { id: string; counts: readonly NumericCount[] };

type Ranking = { n: number[]; rankSums: number[]; total: number; tieSum: number };

/** Group sizes, rank sums with mid-ranks, N and Σ(t³ − t) over the tied blocks. */
function rankCounts(groups: readonly RankedGroup[]): Ranking {
  const byValue = new Map<number, number[]>();
  groups.forEach((g, index) => {
    for (const { value, count } of g.counts) {
      if (count <= 0) continue;
      const row = byValue.get(value) ?? groups.map(() => 0);
      row[index] = (row[index] ?? 0) + count;
      byValue.set(value, row);
    }
  });
  const n = groups.map(() => 0);
  const rankSums = groups.map(() => 0);
  let below = 0;
  let tieSum = 0;
  for (const value of [...byValue.keys()].sort((a, b) => a - b)) {
    const row = byValue.get(value) ?? [];
    const tied = row.reduce((s, c) => s + c, 0);
    const midRank = below + (tied + 1) / 2;
    row.forEach((count, index) => {
      n[index] = (n[index] ?? 0) + count;
      rankSums[index] = (rankSums[index] ?? 0) + count * midRank;
    });
    tieSum += tied ** 3 - tied;
    below += tied;
  }
  return { n, rankSums, total: below, tieSum };
}

export type KruskalWallis = { h: number; df: number; p: number; epsilonSquared: number; n: number };

/**
 * Kruskal–Wallis H with tie correction, over the groups that have answers. Null when fewer
 * than two groups have answers or when every answer is the same (no ranking to compare).
 */
export function kruskalWallis(groups: readonly RankedGroup[]): KruskalWallis | null {
  const ranking = rankCounts(groups);
  const present = ranking.n.map((n, i) => ({ n, r: ranking.rankSums[i] ?? 0 })).filter((g) => g.n > 0);
  const total = ranking.total;
  const correction = 1 - ranking.tieSum / (total ** 3 - total);
  if (present.length < 2 || correction <= 0) return null;
  const h0 = (12 / (total * (total + 1))) * present.reduce((s, g) => s + (g.r * g.r) / g.n, 0) - 3 * (total + 1);
  const h = h0 / correction;
  const df = present.length - 1;
  // ε² = H / ((N² − 1) / (N + 1)) = H / (N − 1) (Tomczak & Tomczak 2014).
  return { h, df, p: chiSquareSurvival(h, df), epsilonSquared: h / (total - 1), n: total };
}

export type MannWhitney = { u: number; z: number; p: number; rankBiserial: number; nA: number; nB: number };

/**
 * Mann–Whitney U of group a against group b. u counts the pairs where a answers higher (ties
 * count half); rankBiserial = 2u / (nA·nB) − 1 is positive when a answers higher, from −1 to 1.
 * Null when a group has no answer or every answer is the same.
 */
export function mannWhitney(a: RankedGroup, b: RankedGroup): MannWhitney | null {
  const ranking = rankCounts([a, b]);
  const [nA = 0, nB = 0] = ranking.n;
  const total = nA + nB;
  if (nA === 0 || nB === 0) return null;
  const u = (ranking.rankSums[0] ?? 0) - (nA * (nA + 1)) / 2;
  const variance = ((nA * nB) / 12) * (total + 1 - ranking.tieSum / (total * (total - 1)));
  if (variance <= 0) return null;
  const deviation = u - (nA * nB) / 2;
  const corrected = Math.max(0, Math.abs(deviation) - 0.5) * Math.sign(deviation);
  const z = corrected / Math.sqrt(variance);
  return { u, z, p: normalTwoSided(z), rankBiserial: (2 * u) / (nA * nB) - 1, nA, nB };
}

/** Holm's step-down adjusted p-values (R: p.adjust(p, "holm")), in the order given. */
export function holmAdjust(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = pValues.map((p, i) => ({ p, i })).sort((x, y) => x.p - y.p);
  const adjusted = pValues.map(() => 1);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
