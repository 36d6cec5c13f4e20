/** How the outbox worker paces and retries (env-tunable; tests use small numbers). */
export type DeliveryPolicy = {
  /** Messages per second at most: a council's SMTP relay often limits senders. */
  ratePerSecond: number;
  /** Attempts in all before a message is given up as failed. */
  maxAttempts: number;
  /** Wait after the first failure; doubled after each further one, capped. */
  firstRetryMs: number;
  maxRetryMs: number;
};

export const DEFAULT_POLICY: DeliveryPolicy = { ratePerSecond: 5, maxAttempts: 6, firstRetryMs: 60_000, maxRetryMs: 3_600_000 };

export function policyFromEnv(env: Record<string, string | undefined> = process.env): DeliveryPolicy {
  const positive = (text: string | undefined, fallback: number) => {
    const value = Number(text);
    return text && Number.isFinite(value) && value > 0 ? value : fallback;
  };
  return {
    ratePerSecond: positive(env.OUTBOX_RATE_PER_SECOND, DEFAULT_POLICY.ratePerSecond),
    maxAttempts: Math.floor(positive(env.OUTBOX_MAX_ATTEMPTS, DEFAULT_POLICY.maxAttempts)),
    firstRetryMs: positive(env.OUTBOX_FIRST_RETRY_MS, DEFAULT_POLICY.firstRetryMs),
    maxRetryMs: DEFAULT_POLICY.maxRetryMs,
  };
}

/**
 * SMTP's 5xx replies are permanent (no such mailbox, refused sender): trying again cannot help
 * and might get the sender blocked. Everything else (4xx, connection refused, timeout) is
 * worth another try.
 */
export function isPermanentFailure(error: unknown): boolean {
  const code = typeof error === "object" && error !== null ? (error as { responseCode?: unknown }).responseCode : undefined;
  return typeof code === "number" && code >= 500 && code < 600;
}

export type FailureOutcome = { status: "pending"; nextAttemptAt: Date } | { status: "failed" };

/** After attempt number `attempts` failed: when to try again, or give up. */
export function afterFailure(policy: DeliveryPolicy, attempts: number, permanent: boolean, now: Date): FailureOutcome {
  if (permanent || attempts >= policy.maxAttempts) return { status: "failed" };
  const wait = Math.min(policy.maxRetryMs, policy.firstRetryMs * 2 ** (attempts - 1));
  return { status: "pending", nextAttemptAt: new Date(now.getTime() + wait) };
}
