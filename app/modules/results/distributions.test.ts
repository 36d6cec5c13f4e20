import { describe, expect, it } from "vitest";
import { chiSquareSurvival, normalCdf, studentTCdf, studentTQuantile } from "./distributions";

// Reference values: R (pchisq(x, df, lower.tail = FALSE), pnorm, qt, pt), checked with
// scipy.stats 1.17 (chi2.sf, norm.cdf, t.ppf, t.cdf). χ²(2) has the closed form e^(−x/2).
describe("probability distributions", () => {
  it("gives the chi-square upper tail of a Kruskal–Wallis statistic", () => {
    expect(chiSquareSurvival(7.5, 2)).toBeCloseTo(Math.exp(-3.75), 12); // 0.023517745856009
    expect(chiSquareSurvival(3.84, 1)).toBeCloseTo(0.05004352124870519, 10);
    expect(chiSquareSurvival(20, 5)).toBeCloseTo(0.0012497305630313773, 12);
    expect(chiSquareSurvival(0, 3)).toBe(1);
  });

  it("gives the normal distribution function on both sides", () => {
    expect(normalCdf(1.5)).toBeCloseTo(0.9331927987311419, 12);
    expect(normalCdf(-2.5)).toBeCloseTo(0.006209665325776132, 12);
    expect(normalCdf(0)).toBeCloseTo(0.5, 14);
  });

  it("gives the Student t quantiles of a 95 % interval", () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706204736174694, 8);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.7764451051977934, 9);
    expect(studentTQuantile(0.975, 29)).toBeCloseTo(2.045229642132703, 9);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.9623390808264083, 9);
    expect(studentTCdf(2, 5)).toBeCloseTo(0.9490302605850708, 12);
  });
});
