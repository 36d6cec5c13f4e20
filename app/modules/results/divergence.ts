/**
 * Divergence between stakeholder groups is a finding (DESIGN.md §6). Per indicator, the shown
 * groups are compared on their ordinal answers (Mann–Whitney for two groups, Kruskal–Wallis
 * for more), p-values are Holm-adjusted across the indicators compared together, and the two
 * groups furthest apart (largest rank-biserial correlation) are named. A significant and at
 * least moderate gap becomes a finding: data plus an i18n key, worded by the page.
 *
 * Only shown groups enter: a hidden group's answers are dropped here, by type, so a test
 * statistic is a function of figures already on the page.
 */
import type { Masked } from "./masking";
import type { NumericCount } from "./quantiles";
import { type RankedGroup, holmAdjust, kruskalWallis, mannWhitney } from "./ranks";

export type ComparedGroup = { id: string; answers: Masked<{ counts: readonly NumericCount[] }> };
export type IndicatorGroups = { indicatorId: string; polarity: "positive" | "negative"; groups: readonly ComparedGroup[] };

export type GroupGap = { groupA: string; groupB: string; rankBiserial: number; p: number };
export type GroupComparison = {
  indicatorId: string;
  polarity: "positive" | "negative";
  test: "mannWhitney" | "kruskalWallis";
  statistic: number;
  p: number;
  /** Holm-adjusted across every indicator of the same call. */
  pAdjusted: number;
  effect: { measure: "rankBiserial" | "epsilonSquared"; value: number };
  groupsCompared: string[];
  /** The two groups furthest apart; rankBiserial > 0 when groupA answers higher. */
  widestGap: GroupGap;
};

function shownGroups(groups: readonly ComparedGroup[]): RankedGroup[] {
  return groups.flatMap((g) => (g.answers.hidden ? [] : [{ id: g.id, counts: g.answers.counts }])).filter((g) => g.counts.some((c) => c.count > 0));
}

function widestGap(groups: readonly RankedGroup[]): GroupGap | null {
  let widest: GroupGap | null = null;
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      const a = groups[i];
      const b = groups[j];
      const mw = a && b ? mannWhitney(a, b) : null;
      if (a && b && mw && (!widest || Math.abs(mw.rankBiserial) > Math.abs(widest.rankBiserial))) widest = { groupA: a.id, groupB: b.id, rankBiserial: mw.rankBiserial, p: mw.p };
    }
  }
  return widest;
}

function mannWhitneyU([a, b]: readonly RankedGroup[]): number {
  return (a && b ? mannWhitney(a, b)?.u : undefined) ?? 0;
}

type Unadjusted = Omit<GroupComparison, "pAdjusted">;

function compareOne({ indicatorId, polarity, groups }: IndicatorGroups): Unadjusted | null {
  const shown = shownGroups(groups);
  const gap = widestGap(shown);
  if (!gap) return null;
  const groupsCompared = shown.map((g) => g.id);
  if (shown.length === 2) {
    return { indicatorId, polarity, test: "mannWhitney", statistic: mannWhitneyU(shown), p: gap.p, effect: { measure: "rankBiserial", value: gap.rankBiserial }, groupsCompared, widestGap: gap };
  }
  const kw = kruskalWallis(shown);
  if (!kw) return null;
  return { indicatorId, polarity, test: "kruskalWallis", statistic: kw.h, p: kw.p, effect: { measure: "epsilonSquared", value: kw.epsilonSquared }, groupsCompared, widestGap: gap };
}

/**
 * Compares the shown groups of each indicator; indicators where fewer than two shown groups
 * have answers (or all answers are equal) are left out, and the Holm adjustment runs over
 * the others.
 */
export function compareGroups(indicators: readonly IndicatorGroups[]): GroupComparison[] {
  const results = indicators.flatMap((i) => compareOne(i) ?? []);
  const adjusted = holmAdjust(results.map((r) => r.p));
  return results.map((r, index) => ({ ...r, pAdjusted: adjusted[index] ?? 1 }));
}

export const FINDING_KEYS = ["results.finding.divergence.large", "results.finding.divergence.moderate"] as const;
export type DivergenceFinding = {
  indicatorId: string;
  /** The group that judges the project less favourably (polarity taken into account). */
  lessFavourable: string;
  moreFavourable: string;
  size: "large" | "moderate";
  rankBiserial: number;
  pAdjusted: number;
  key: (typeof FINDING_KEYS)[number];
};

/** |r| ≥ 0.5 large, ≥ 0.3 moderate: the usual bounds for a correlation (Cohen 1988). */
export const LARGE_GAP = 0.5;
export const MODERATE_GAP = 0.3;

/**
 * A gap worth a sentence: the indicator's test is significant after Holm's correction, the
 * two furthest groups differ significantly too, and their rank-biserial correlation is at least
 * moderate. « Les habitant·es jugent ce projet nettement moins favorablement que la
 * collectivité » = { lessFavourable: "residents", moreFavourable: "council", size: "large" }.
 */
export function divergenceFinding(comparison: GroupComparison, alpha = 0.05): DivergenceFinding | null {
  const { widestGap: gap } = comparison;
  const strength = Math.abs(gap.rankBiserial);
  if (comparison.pAdjusted >= alpha || gap.p >= alpha || strength < MODERATE_GAP) return null;
  // Higher answers are better unless the indicator's polarity is negative.
  const aAnswersHigher = gap.rankBiserial > 0;
  const aIsMoreFavourable = comparison.polarity === "positive" ? aAnswersHigher : !aAnswersHigher;
  const size = strength >= LARGE_GAP ? "large" : "moderate";
  return {
    indicatorId: comparison.indicatorId,
    lessFavourable: aIsMoreFavourable ? gap.groupB : gap.groupA,
    moreFavourable: aIsMoreFavourable ? gap.groupA : gap.groupB,
    size,
    rankBiserial: gap.rankBiserial,
    pAdjusted: comparison.pAdjusted,
    key: size === "large" ? "results.finding.divergence.large" : "results.finding.divergence.moderate",
  };
}
