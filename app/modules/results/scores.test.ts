import { describe, expect, it } from "vitest";
import type { Scale } from "../surveys/questions";
import { answerScore, dimensionScore, headlineScore, indicatorScore } from "./scores";

const likert5: Scale = { id: "likert5", type: "likert", points: 5, labels: [] };
const rating: Scale = { id: "note", type: "rating", min: 0, max: 10, minLabel: { fr: "0", en: "0" }, maxLabel: { fr: "10", en: "10" } };
const yesNo: Scale = { id: "oui_non", type: "yes_no" };
const frequency: Scale = {
  id: "frequence",
  type: "choice",
  multiple: false,
  options: [
    { value: "jamais", label: { fr: "Jamais", en: "Never" }, score: 0 },
    { value: "souvent", label: { fr: "Souvent", en: "Often" }, score: 100 },
    { value: "autre", label: { fr: "Autre", en: "Other" } },
  ],
};
const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("scores 0–100", () => {
  it("rescales each answer in its indicator's direction", () => {
    expect([1, 2, 3, 4, 5].map((v) => answerScore(likert5, "positive", String(v)))).toEqual([0, 25, 50, 75, 100]);
    expect(answerScore(likert5, "negative", "4")).toBe(25);
    expect(answerScore(rating, "positive", "7")).toBe(70);
    expect([answerScore(yesNo, "positive", "yes"), answerScore(yesNo, "negative", "yes")]).toEqual([100, 0]);
    // A choice option's score is already « higher = better »: polarity does not turn it round.
    expect([answerScore(frequency, "negative", "souvent"), answerScore(frequency, "positive", "autre")]).toEqual([100, null]);
    expect(answerScore(likert5, "positive", "dont_know")).toBeNull();
  });

  it("scores an indicator as the mean of its answers, « je ne sais pas » excluded, with its interval", () => {
    // Mean 3.7 on 1–5 (statistics.test.ts, R) → (3.7 − 1) / 4 × 100 = 67.5; interval
    // R t.test 2.743215–4.656785 rescaled: half-width 0.9567852 × 25 = 23.9196305.
    const s = indicatorScore(likert5, "positive", counts({ "*": 13, "1": 1, "2": 1, "3": 1, "4": 4, "5": 3, dont_know: 3 }));
    expect(s?.score).toBeCloseTo(67.5, 12);
    expect(s?.n).toBe(10);
    expect(s?.halfWidth).toBeCloseTo(23.91963047404026, 9);
    expect(s?.interval?.low).toBeCloseTo(43.58036952595974, 9);
    expect(indicatorScore(likert5, "negative", counts({ "4": 4, "5": 3, "1": 1, "2": 1, "3": 1 }))?.score).toBeCloseTo(32.5, 12);
    expect(indicatorScore(likert5, "positive", counts({ "*": 2, dont_know: 2 }))).toBeNull();
  });

  it("weights indicators as the framework says and gives a prudent interval", () => {
    // (2 × 67.5 + 1 × 60) / 3 = 65; half-width 2/3 × 23.9196305 + 1/3 × 36.9408718 = 28.2600442
    // (yes/no 6 of 10: SciPy t.ppf(.975, 9) × sd(c(rep(100,6), rep(0,4))) / √10 = 36.9408718).
    const a = indicatorScore(likert5, "positive", counts({ "1": 1, "2": 1, "3": 1, "4": 4, "5": 3 }));
    const b = indicatorScore(yesNo, "positive", counts({ yes: 6, no: 4, dont_know: 5 }));
    expect(b?.halfWidth).toBeCloseTo(36.94087177891799, 9);
    const d = dimensionScore([
      { indicatorId: "a", weight: 2, score: a && { hidden: false, ...a } },
      { indicatorId: "b", weight: 1, score: b && { hidden: false, ...b } },
      { indicatorId: "not_answered", weight: 5, score: null },
    ]);
    expect(d?.hidden).toBe(false);
    if (d && !d.hidden) {
      expect(d.score).toBeCloseTo(65, 12);
      expect(d.halfWidth).toBeCloseTo(28.260044242332835, 9);
      expect(d.minN).toBe(10);
      expect(d.indicators).toEqual(["a", "b"]);
    }
  });

  it("hides a dimension score built from a hidden indicator, and says the group was small", () => {
    const a = indicatorScore(likert5, "positive", counts({ "4": 6 }));
    expect(
      dimensionScore([
        { indicatorId: "a", weight: 1, score: a && { hidden: false, ...a } },
        { indicatorId: "b", weight: 1, score: { hidden: true, reason: "smallGroup" } },
      ]),
    ).toEqual({ hidden: true, reason: "smallGroup" });
  });

  it("gives every shown stakeholder group the same weight in the headline, whatever its size", () => {
    // Groups at 65 and 35 → 50, whatever their n; half-width √(2 × 28.2600442²) / 2 = 19.9828689.
    const group = (score: number) => ({ hidden: false as const, score, interval: null, halfWidth: 28.260044242332835, minN: 10, indicators: ["a"] });
    const headline = headlineScore([
      { groupId: "residents", score: group(65) },
      { groupId: "council", score: group(35) },
      { groupId: "associations", score: { hidden: true, reason: "protectsAnotherGroup" } },
      { groupId: "employers", score: null },
    ]);
    expect(headline?.score).toBe(50);
    expect(headline?.groups).toEqual(["residents", "council"]);
    expect(headline && headline.interval && (headline.interval.high - headline.interval.low) / 2).toBeCloseTo(19.982868920385396, 9);
    expect(headlineScore([{ groupId: "a", score: { hidden: true, reason: "smallGroup" } }])).toBeNull();
  });
});
