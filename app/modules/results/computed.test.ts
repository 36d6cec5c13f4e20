import { describe, expect, it } from "vitest";
import { computeIndicatorValue, progressTowardTarget } from "./computed";

// The DGEFP dynamic exit rate of the starter frameworks: (durable + transition + positive) ÷ exits × 100.
const dynamicExits = { numerator: ["sorties_emploi_durable", "sorties_emploi_transition", "sorties_positives"], denominator: ["sorties_nombre"], multiplier: 100 };

describe("computeIndicatorValue", () => {
  it("computes the dynamic exit rate from the four reported counts", () => {
    // 20 people left: 5 lasting jobs, 4 transition jobs, 3 positive exits → 12 / 20 = 60 %.
    const figures = new Map([["sorties_nombre", 20], ["sorties_emploi_durable", 5], ["sorties_emploi_transition", 4], ["sorties_positives", 3], ["sorties_autres", 8]]);
    expect(computeIndicatorValue(dynamicExits, figures)).toEqual({ status: "ok", value: 60 });
  });

  it("gives no value when a figure is not reported, naming it, rather than reading it as 0", () => {
    const figures = new Map([["sorties_nombre", 20], ["sorties_emploi_durable", 5]]);
    expect(computeIndicatorValue(dynamicExits, figures)).toEqual({ status: "missing", figureIds: ["sorties_emploi_transition", "sorties_positives"] });
  });

  it("gives no value when nobody left (denominator 0)", () => {
    const figures = new Map([["sorties_nombre", 0], ["sorties_emploi_durable", 0], ["sorties_emploi_transition", 0], ["sorties_positives", 0]]);
    expect(computeIndicatorValue(dynamicExits, figures)).toEqual({ status: "zero_denominator" });
  });

  it("applies a « per 10 » multiplier", () => {
    // 1.5 FTE of support for 30 employees → 0.5 per 10 employees.
    const value = computeIndicatorValue({ numerator: ["etp"], denominator: ["salaries"], multiplier: 10 }, new Map([["etp", 1.5], ["salaries", 30]]));
    expect(value).toEqual({ status: "ok", value: 0.5 });
  });
});

describe("progressTowardTarget", () => {
  it("measures from 0 without a baseline: 45 % of exits against a 60 % target is 75 / 100", () => {
    expect(progressTowardTarget(45, { target: 60, polarity: "positive" })).toBe(75);
  });

  it("measures from the baseline: from 40 % to a 60 % target, 50 % is halfway", () => {
    expect(progressTowardTarget(50, { baseline: 40, target: 60, polarity: "positive" })).toBe(50);
  });

  it("stays within 0–100 below the baseline and beyond the target", () => {
    expect(progressTowardTarget(30, { baseline: 40, target: 60, polarity: "positive" })).toBe(0);
    expect(progressTowardTarget(110, { target: 100, polarity: "positive" })).toBe(100);
  });

  it("a figure meant to go down progresses as it falls from its baseline", () => {
    expect(progressTowardTarget(15, { baseline: 20, target: 10, polarity: "negative" })).toBe(50);
    expect(progressTowardTarget(15, { target: 10, polarity: "negative" })).toBeNull();
  });

  it("a figure without a target is never scored", () => {
    expect(progressTowardTarget(1200, { polarity: "positive" })).toBeNull();
  });
});
