import { describe, expect, it } from "vitest";
import { afterFailure, DEFAULT_POLICY, isPermanentFailure, policyFromEnv } from "./retry-policy";

const now = new Date("2026-12-05T10:00:00.000Z");
const policy = { ...DEFAULT_POLICY, firstRetryMs: 1000, maxRetryMs: 5000, maxAttempts: 5 };

describe("outbox retry policy", () => {
  it("waits 1, 2, 4 s then the cap between attempts, and gives up after the last attempt", () => {
    const waits = [1, 2, 3, 4].map((attempts) => {
      const outcome = afterFailure(policy, attempts, false, now);
      return outcome.status === "pending" ? outcome.nextAttemptAt.getTime() - now.getTime() : null;
    });
    expect(waits).toEqual([1000, 2000, 4000, 5000]);
    expect(afterFailure(policy, 5, false, now)).toEqual({ status: "failed" });
  });

  it("gives up at once on a permanent SMTP refusal (5xx), retries a 4xx or a refused connection", () => {
    expect(isPermanentFailure(Object.assign(new Error("550 no such user"), { responseCode: 550 }))).toBe(true);
    expect(isPermanentFailure(Object.assign(new Error("421 try later"), { responseCode: 421 }))).toBe(false);
    expect(isPermanentFailure(Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }))).toBe(false);
    expect(afterFailure(policy, 1, true, now)).toEqual({ status: "failed" });
  });

  it("reads its numbers from the environment, ignoring nonsense", () => {
    expect(policyFromEnv({ OUTBOX_RATE_PER_SECOND: "2", OUTBOX_MAX_ATTEMPTS: "3", OUTBOX_FIRST_RETRY_MS: "abc" })).toMatchObject({ ratePerSecond: 2, maxAttempts: 3, firstRetryMs: DEFAULT_POLICY.firstRetryMs });
  });
});
