import { describe, expect, it } from "vitest";
import { holmAdjust, kruskalWallis, mannWhitney } from "./ranks";

const group = (id: string, entries: Record<number, number>) => ({ id, counts: Object.entries(entries).map(([value, count]) => ({ value: Number(value), count })) });
// Three groups on a 5-point scale, 38 answers, heavy ties (every point is a tied block).
const residents = group("residents", { 1: 3, 2: 5, 3: 4, 4: 2, 5: 1 });
const council = group("council", { 2: 1, 3: 2, 4: 5, 5: 4 });
const associations = group("associations", { 1: 1, 2: 2, 3: 3, 4: 3, 5: 2 });

// Reference values: R kruskal.test / wilcox.test(exact = FALSE, correct = TRUE) on the same
// answers expanded, checked with scipy.stats 1.17 (kruskal; mannwhitneyu(method = "asymptotic")).
describe("rank tests between groups", () => {
  it("gives the tie-corrected Kruskal–Wallis H and its chi-square p-value", () => {
    const kw = kruskalWallis([residents, council, associations]);
    expect(kw?.h).toBeCloseTo(8.912618719362744, 10);
    expect(kw?.df).toBe(2);
    expect(kw?.p).toBeCloseTo(0.011605114653026861, 10);
    // ε² = H / (N − 1) = 8.9126187 / 37.
    expect(kw?.epsilonSquared).toBeCloseTo(8.912618719362744 / 37, 10);
  });

  it("gives Mann–Whitney U, its p-value and the rank-biserial correlation for two groups", () => {
    const mw = mannWhitney(residents, council);
    expect(mw?.u).toBe(31.5);
    expect(mw?.p).toBeCloseTo(0.003764909768016443, 10);
    // r = 2 · 31.5 / (15 · 12) − 1 = −0.65: residents answer lower.
    expect(mw?.rankBiserial).toBeCloseTo(-0.65, 12);
    expect(mannWhitney(council, residents)?.u).toBe(148.5);
    expect(mannWhitney(residents, associations)?.p).toBeCloseTo(0.1431229902416755, 10);
  });

  it("compares nothing when a group has no answer or when every answer is the same", () => {
    expect(mannWhitney(residents, group("empty", {}))).toBeNull();
    expect(mannWhitney(group("a", { 4: 3 }), group("b", { 4: 5 }))).toBeNull();
    expect(kruskalWallis([group("a", { 3: 2 }), group("b", { 3: 4 }), group("c", {})])).toBeNull();
    expect(kruskalWallis([residents, group("empty", {})])?.df).toBeUndefined();
  });

  it("adjusts p-values across indicators like R's p.adjust(method = \"holm\")", () => {
    // Hand computation: sorted 0.005, 0.01, 0.03, 0.04 × 4, 3, 2, 1 = 0.02, 0.03, 0.06, 0.04,
    // made non-decreasing: 0.02, 0.03, 0.06, 0.06; back in the given order.
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((p, i) => expect(adjusted[i]).toBeCloseTo(p, 12));
    expect(holmAdjust([0.5, 0.6])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});
