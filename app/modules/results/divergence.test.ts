import { describe, expect, it } from "vitest";
import { type ComparedGroup, compareGroups, divergenceFinding } from "./divergence";

const shown = (id: string, entries: Record<number, number>): ComparedGroup => ({ id, answers: { hidden: false, counts: Object.entries(entries).map(([value, count]) => ({ value: Number(value), count })) } });
const hidden = (id: string): ComparedGroup => ({ id, answers: { hidden: true, reason: "smallGroup" } });
// The groups of ranks.test.ts (references there: R / SciPy): residents vs council U = 31.5,
// p = 0.0037649, r = −0.65; residents vs associations p = 0.1431; KW H = 8.9126, p = 0.011605.
const residents = shown("residents", { 1: 3, 2: 5, 3: 4, 4: 2, 5: 1 });
const council = shown("council", { 2: 1, 3: 2, 4: 5, 5: 4 });
const associations = shown("associations", { 1: 1, 2: 2, 3: 3, 4: 3, 5: 2 });

describe("divergence between groups", () => {
  it("writes a large, significant gap as a finding: residents judge less favourably than the council", () => {
    const [comparison] = compareGroups([{ indicatorId: "cadre_vie", polarity: "positive", groups: [residents, council] }]);
    expect(comparison?.test).toBe("mannWhitney");
    expect(comparison?.statistic).toBe(31.5);
    expect(comparison?.p).toBeCloseTo(0.003764909768016443, 10);
    expect(comparison && divergenceFinding(comparison)).toEqual({
      indicatorId: "cadre_vie",
      lessFavourable: "residents",
      moreFavourable: "council",
      size: "large",
      rankBiserial: -0.65,
      pAdjusted: comparison?.pAdjusted,
      key: "results.finding.divergence.large",
    });
  });

  it("turns the direction round for an indicator where a higher answer means worse impact", () => {
    const [comparison] = compareGroups([{ indicatorId: "nuisances", polarity: "negative", groups: [residents, council] }]);
    expect(comparison && divergenceFinding(comparison)).toMatchObject({ lessFavourable: "council", moreFavourable: "residents" });
  });

  it("uses Kruskal–Wallis for three groups and names the two furthest apart", () => {
    const [comparison] = compareGroups([{ indicatorId: "cadre_vie", polarity: "positive", groups: [residents, council, associations] }]);
    expect(comparison?.test).toBe("kruskalWallis");
    expect(comparison?.statistic).toBeCloseTo(8.912618719362744, 10);
    expect(comparison?.effect.measure).toBe("epsilonSquared");
    expect(comparison?.widestGap).toMatchObject({ groupA: "residents", groupB: "council" });
  });

  it("adjusts across indicators with Holm, so a borderline gap is no longer a finding", () => {
    // p = 0.0037649 alone is a finding; among 20 indicators it becomes 20 × 0.0037649 = 0.0753.
    const many = Array.from({ length: 20 }, (_, i) => ({ indicatorId: `i${i}`, polarity: "positive" as const, groups: [residents, council] }));
    const comparisons = compareGroups(many);
    expect(comparisons[0]?.pAdjusted).toBeCloseTo(20 * 0.003764909768016443, 8);
    expect(comparisons.map((c) => divergenceFinding(c))).toEqual(Array.from({ length: 20 }, () => null));
  });

  it("leaves hidden groups out and compares nothing when fewer than two shown groups remain", () => {
    expect(compareGroups([{ indicatorId: "x", polarity: "positive", groups: [residents, hidden("council")] }])).toEqual([]);
    const [comparison] = compareGroups([{ indicatorId: "x", polarity: "positive", groups: [residents, hidden("council"), associations] }]);
    expect(comparison?.groupsCompared).toEqual(["residents", "associations"]);
  });

  it("is no finding when the gap is not significant", () => {
    const [comparison] = compareGroups([{ indicatorId: "x", polarity: "positive", groups: [residents, associations] }]);
    expect(comparison && divergenceFinding(comparison)).toBeNull();
  });
});
