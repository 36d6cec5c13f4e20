import { describe, expect, it } from "vitest";
import { FailureThrottle } from "./throttle";

const MINUTE = 60_000;

describe("FailureThrottle", () => {
  it("lets the free failures through, then doubles the wait at each further failure up to the maximum", () => {
    const throttle = new FailureThrottle({ freeFailures: 3, firstWaitMs: MINUTE, maxWaitMs: 8 * MINUTE });
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      throttle.recordFailure("a@x.fr", 0);
      waits.push(throttle.waitMs("a@x.fr", 0) / MINUTE);
    }
    expect(waits).toEqual([0, 0, 1, 2, 4, 8, 8, 8]);
    expect(throttle.waitMs("b@x.fr", 0)).toBe(0);
  });

  it("forgets a key (an IP) once its wait and one more window have passed, and on reset", () => {
    const throttle = new FailureThrottle({ freeFailures: 1, firstWaitMs: MINUTE, maxWaitMs: 10 * MINUTE });
    throttle.recordFailure("192.0.2.1", 0);
    throttle.recordFailure("a@x.fr", 0);
    throttle.reset("a@x.fr");
    expect(throttle.size(0)).toBe(1);
    expect(throttle.size(11 * MINUTE - 1)).toBe(1);
    expect(throttle.size(11 * MINUTE)).toBe(0);
  });
});
