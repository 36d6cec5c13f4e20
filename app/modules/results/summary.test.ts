import { describe, expect, it } from "vitest";
import { mergeCounts, summarize } from "./summary";

const likert5 = { id: "likert5", type: "likert", points: 5, labels: [] } as never;

describe("question summary", () => {
  it("averages the answers but not « je ne sais pas »", () => {
    // 2×5 + 1×4 + 1×1 = 15 over 4 answers = 3.75; the 2 « je ne sais pas » are counted apart.
    const summary = summarize(likert5, new Map([["*", 6], ["5", 2], ["4", 1], ["1", 1], ["dont_know", 2]]));
    expect(summary.n).toBe(6);
    expect(summary.dontKnow).toBe(2);
    expect(summary.answeredN).toBe(4);
    expect(summary.mean).toBeCloseTo(3.75);
    expect(summary.distribution.map((d) => d.count)).toEqual([1, 0, 0, 1, 2]);
  });

  it("adds groups' counts cell by cell", () => {
    const merged = mergeCounts([new Map([["*", 2], ["5", 2]]), new Map([["*", 1], ["3", 1]])]);
    expect(Object.fromEntries(merged)).toEqual({ "*": 3, "5": 2, "3": 1 });
  });
});
