import { describe, expect, it } from "vitest";
import type { Scale } from "../surveys/questions";
import { questionStatistics } from "./statistics";
import { indicatorTrend, valueInScaleUnit } from "./trend";

const value = (v: number) => ({ hidden: false as const, value: v });

describe("trend of an indicator", () => {
  it("gives the change since the previous campaign and the way travelled toward the target", () => {
    // Baseline 40 % of yes, target 60 %, now 55 %: (55 − 40) / (60 − 40) = 0.75 of the way.
    const t = indicatorTrend({ current: value(55), previous: value(48), baseline: 40, target: 60 });
    expect(t.change).toBe(7);
    expect(t.progress).toBeCloseTo(0.75, 12);
    expect(t.targetReached).toBe(false);
  });

  it("reads a target below the baseline as a fall to reach", () => {
    // Baseline 3.2, target 2.5 (less is better), now 2.4: (2.4 − 3.2) / (2.5 − 3.2) = 8/7, reached.
    const t = indicatorTrend({ current: value(2.4), previous: null, baseline: 3.2, target: 2.5 });
    expect(t.progress).toBeCloseTo(8 / 7, 12);
    expect(t.targetReached).toBe(true);
    expect(t.change).toBeNull();
  });

  it("computes nothing from a hidden value", () => {
    const t = indicatorTrend({ current: value(55), previous: { hidden: true, reason: "smallGroup" }, baseline: 40, target: 60 });
    expect(t.change).toBeNull();
    expect(indicatorTrend({ current: { hidden: true, reason: "protectsAnotherGroup" }, previous: value(3), baseline: 1, target: 2 })).toEqual({ change: null, progress: null, targetReached: null });
  });

  it("compares a yes/no indicator in % of yes, like the framework's baseline and target", () => {
    const yesNo: Scale = { id: "oui_non", type: "yes_no" };
    expect(valueInScaleUnit(yesNo, questionStatistics(yesNo, new Map([["yes", 3], ["no", 1]]), 5), null)).toBe(75);
  });
});
