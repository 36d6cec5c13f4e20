import { describe, expect, it } from "vitest";
import type { Scale } from "../surveys/questions";
import { freeTextThreshold, thresholdFor } from "./masking";
import { type CountedCell, maskedQuestionTable } from "./question-table";

const likert5: Scale = { id: "likert5", type: "likert", points: 5, labels: [] };
const cell = (group: string, source: string, entries: Record<string, number>): CountedCell => ({ coords: { group, source }, counts: new Map(Object.entries(entries)) });
const spec = { scale: likert5, polarity: "positive" as const, dimensions: ["group", "source"], margins: [["group"], ["source"], []], threshold: 5 };

describe("a question's masked table", () => {
  // residents: 9 online + 4 on paper; council: 2 online (+ 3 « je ne sais pas »); associations: 6 in workshop.
  const cells = [
    cell("residents", "survey", { "*": 9, "5": 4, "4": 3, "2": 2 }),
    cell("residents", "paper", { "*": 4, "3": 2, "1": 2 }),
    cell("council", "survey", { "*": 5, "5": 2, dont_know: 3 }),
    cell("associations", "workshop", { "*": 6, "4": 6 }),
    cell("employers", "survey", {}),
  ];
  const figures = new Map(maskedQuestionTable(spec, cells).map((f) => [f.key, f.result]));

  it("computes shown figures from the summed cells of their margin", () => {
    const residents = figures.get("group=residents|source=*");
    expect(residents?.hidden).toBe(false);
    if (residents && !residents.hidden) {
      // 13 answers: 5×4 + 4×3 + 3×2 + 2×2 + 1×2 = 44 → 44 / 13.
      expect(residents.statistics.n).toBe(13);
      expect(residents.statistics.ordinal?.mean).toBeCloseTo(44 / 13, 12);
      expect(residents.score?.score).toBeCloseTo(((44 / 13 - 1) / 4) * 100, 12);
    }
  });

  it("carries nothing but the reason for a hidden figure, in the data that leaves the server", () => {
    // council: 5 people but 2 substantive answers → small; then the smallest other part goes too.
    expect(figures.get("group=council|source=*")).toEqual({ hidden: true, reason: "smallGroup" });
    expect(figures.get("group=associations|source=*")).toEqual({ hidden: true, reason: "protectsAnotherGroup" });
    // By source: paper (4 answers) is small; workshop (6) is the next smallest, survey (11) stays.
    expect(figures.get("group=*|source=paper")).toEqual({ hidden: true, reason: "smallGroup" });
    expect(figures.get("group=*|source=workshop")).toEqual({ hidden: true, reason: "protectsAnotherGroup" });
    expect(figures.get("group=*|source=survey")?.hidden).toBe(false);
    expect(JSON.stringify([...figures.values()].filter((f) => f.hidden))).not.toMatch(/statistics|"n"|mean/);
  });

  it("shows a group nobody answered as n = 0 and hides nothing for it", () => {
    const employers = figures.get("group=employers|source=*");
    expect(employers?.hidden === false && employers.statistics.n).toBe(0);
  });

  it("uses the indicator's minN when above k, and the free-text threshold for free text", () => {
    expect(thresholdFor(5, 10)).toBe(10);
    expect(thresholdFor(5, 3)).toBe(5);
    expect(thresholdFor(5)).toBe(5);
    expect(freeTextThreshold({ k: 5, kFreeText: 10 })).toBe(10);
    const strict = new Map(maskedQuestionTable({ ...spec, threshold: 14 }, cells).map((f) => [f.key, f.result]));
    expect(strict.get("group=residents|source=*")?.hidden).toBe(true);
  });
});
