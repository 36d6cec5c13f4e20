import { describe, expect, it } from "vitest";
import type { Scale } from "../surveys/questions";
import { quantileType1, quantileType7 } from "./quantiles";
import { moments, questionStatistics, tastleWiermanConsensus, wilsonInterval } from "./statistics";

const likert5: Scale = { id: "likert5", type: "likert", points: 5, labels: [] };
const rating: Scale = { id: "note", type: "rating", min: 0, max: 10, minLabel: { fr: "0", en: "0" }, maxLabel: { fr: "10", en: "10" } };
const yesNo: Scale = { id: "oui_non", type: "yes_no" };
const hours: Scale = { id: "heures", type: "number", unit: { fr: "heures", en: "hours" }, min: 0, max: 1000, integer: true };
const counts = (entries: Record<string, number>) => new Map(Object.entries(entries));
const nc = (entries: Record<number, number>) => Object.entries(entries).map(([value, count]) => ({ value: Number(value), count }));

describe("quantiles from counts", () => {
  it("gives ordinal quantiles that are answers someone gave (R type 1)", () => {
    // R: quantile(c(1,1,2,3,4,4,5,5), c(.25,.5,.75), type = 1) → 1 3 4 (numpy inverted_cdf agrees).
    const data = nc({ 1: 2, 2: 1, 3: 1, 4: 2, 5: 2 });
    expect([0.25, 0.5, 0.75].map((p) => quantileType1(data, p))).toEqual([1, 3, 4]);
    // R: quantile(c(1,2,2,3,3,3,4), c(.25,.5,.75), type = 1) → 2 3 3.
    expect([0.25, 0.5, 0.75].map((p) => quantileType1(nc({ 1: 1, 2: 2, 3: 3, 4: 1 }), p))).toEqual([2, 3, 3]);
  });

  it("interpolates number answers like R's default (type 7)", () => {
    // R: quantile(c(2,4,4,5,7,9,10,12,15,20)) → 25 % 4.25, 50 % 8, 75 % 11.5.
    const data = nc({ 2: 1, 4: 2, 5: 1, 7: 1, 9: 1, 10: 1, 12: 1, 15: 1, 20: 1 });
    expect([0.25, 0.5, 0.75].map((p) => quantileType7(data, p))).toEqual([4.25, 8, 11.5]);
  });

  it("has no quantile without answers", () => {
    expect(quantileType1([], 0.5)).toBeNull();
    expect(quantileType7(nc({ 3: 0 }), 0.5)).toBeNull();
  });
});

describe("mean, interval and shares", () => {
  it("gives the mean, standard deviation and t-based 95 % interval", () => {
    // R: x <- c(1,2,3,4,4,4,4,5,5,5); mean 3.7, sd(x) 1.3374935, t.test(x)$conf.int 2.743215 4.656785.
    const m = moments(nc({ 1: 1, 2: 1, 3: 1, 4: 4, 5: 3 }));
    expect(m?.mean).toBeCloseTo(3.7, 12);
    expect(m?.sd).toBeCloseTo(1.3374935098492586, 12);
    expect(m?.meanInterval?.low).toBeCloseTo(2.74321478103839, 9);
    expect(m?.meanInterval?.high).toBeCloseTo(4.656785218961611, 9);
  });

  it("gives Wilson intervals equal to Newcombe's published table", () => {
    // Newcombe (1998), Statistics in Medicine 17:857–872, table II, method 3 (Wilson score).
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [x, n, low, high] of cases) {
      expect(wilsonInterval(x, n)?.low).toBeCloseTo(low, 4);
      expect(wilsonInterval(x, n)?.high).toBeCloseTo(high, 4);
    }
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it("measures consensus from 0 (split between the ends) to 1 (all agree)", () => {
    // Hand computation, Tastle & Wierman (2007) formula, 5-point scale (width 4):
    // half at 1, half at 5: μ = 3, 1 + 2 · ½ log₂(1 − 2/4) = 0.
    expect(tastleWiermanConsensus(nc({ 1: 5, 5: 5 }), 1, 5)).toBeCloseTo(0, 12);
    // half at 2, half at 3: μ = 2.5, 1 + log₂(1 − 0.5/4) = 1 + log₂(0.875) = 0.807354922.
    expect(tastleWiermanConsensus(nc({ 2: 3, 3: 3 }), 1, 5)).toBeCloseTo(0.8073549220576042, 12);
    // uniform: μ = 3, 1 + 0.2 (2 log₂ ½ + 2 log₂ ¾) = 1 − 0.2 · 2.830075 = 0.433985.
    expect(tastleWiermanConsensus(nc({ 1: 1, 2: 1, 3: 1, 4: 1, 5: 1 }), 1, 5)).toBeCloseTo(0.4339850002884625, 12);
    expect(tastleWiermanConsensus(nc({ 4: 7 }), 1, 5)).toBe(1);
  });
});

describe("statistics of one question", () => {
  it("keeps « je ne sais pas » out of every average and share, and gives the base", () => {
    // 10 substantive answers (R example above) + 3 « je ne sais pas »; top-2-box 7/10.
    const s = questionStatistics(likert5, counts({ "*": 13, "1": 1, "2": 1, "3": 1, "4": 4, "5": 3, dont_know: 3 }), 5);
    expect([s.n, s.dontKnow, s.respondents]).toEqual([10, 3, 13]);
    expect(s.distribution.map((d) => d.share)).toEqual([0.1, 0.1, 0.1, 0.4, 0.3]);
    expect(s.ordinal?.mean).toBeCloseTo(3.7, 12);
    // R: quantile(x, type = 1) → 3 4 5.
    expect([s.ordinal?.q1, s.ordinal?.median, s.ordinal?.q3, s.ordinal?.iqr]).toEqual([3, 4, 5, 2]);
    expect(s.topBox?.values).toEqual(["4", "5"]);
    expect(s.topBox?.share).toBeCloseTo(0.7, 12);
    // Wilson 7/10: 0.3967781 – 0.8922087 (hand computation of Wilson's formula, z = 1.959964, checked in Python).
    expect(s.topBox?.interval.low).toBeCloseTo(0.39677814746114537, 9);
    expect(s.topBox?.interval.high).toBeCloseTo(0.8922087325936989, 9);
  });

  it("gives counts but no average when nobody answered, or only « je ne sais pas »", () => {
    for (const cells of [counts({}), counts({ "*": 4, dont_know: 4 })]) {
      const s = questionStatistics(likert5, cells, 5);
      expect(s.n).toBe(0);
      expect(s.ordinal).toBeNull();
      expect(s.topBox).toBeNull();
      expect(s.distribution.every((d) => d.count === 0 && d.share === null)).toBe(true);
    }
    expect(questionStatistics(likert5, counts({ "*": 4, dont_know: 4 }), 5).dontKnow).toBe(4);
  });

  it("gives a zero spread and full consensus when all answers are equal", () => {
    const s = questionStatistics(rating, counts({ "7": 6 }), 5);
    expect([s.ordinal?.mean, s.ordinal?.sd, s.ordinal?.median, s.ordinal?.iqr, s.ordinal?.consensus]).toEqual([7, 0, 7, 0, 1]);
    expect(s.ordinal?.meanInterval).toEqual({ low: 7, high: 7 });
    expect(s.topBox?.share).toBe(0);
  });

  it("gives no spread nor interval for a single answer", () => {
    const s = questionStatistics(likert5, counts({ "2": 1 }), 5);
    expect(s.ordinal?.mean).toBe(2);
    expect(s.ordinal?.sd).toBeNull();
    expect(s.ordinal?.meanInterval).toBeNull();
  });

  it("gives the share of yes with its interval for a yes/no question", () => {
    // Wilson 6/10: 0.3126738 – 0.8318197 (hand computation of Wilson's formula, z = 1.959964).
    const s = questionStatistics(yesNo, counts({ yes: 6, no: 4, dont_know: 2 }), 5);
    expect(s.topBox?.share).toBeCloseTo(0.6, 12);
    expect(s.topBox?.interval.low).toBeCloseTo(0.31267376973365824, 9);
    expect(s.topBox?.interval.high).toBeCloseTo(0.8318196702937638, 9);
    expect(s.ordinal).toBeNull();
  });

  it("shows a number question's min and max only when at least k people gave that value", () => {
    // R: x <- c(2,4,4,5,7,9,10,12,15,20): median 8, IQR 11.5 − 4.25 = 7.25; 2 and 20 held by one person each.
    const s = questionStatistics(hours, counts({ "2": 1, "4": 2, "5": 1, "7": 1, "9": 1, "10": 1, "12": 1, "15": 1, "20": 1 }), 5);
    expect([s.number?.median, s.number?.iqr, s.number?.min, s.number?.max]).toEqual([8, 7.25, null, null]);
    const shared = questionStatistics(hours, counts({ "0": 5, "10": 3, "40": 6 }), 5);
    expect([shared.number?.min, shared.number?.max]).toEqual([0, 40]);
    expect(questionStatistics(hours, counts({ "0": 5, "10": 3, "40": 4 }), 5).number?.max).toBeNull();
  });
});
