// Exponential back-off on failed sign-ins, kept in memory only (README « Sécurité »).

export type ThrottlePolicy = {
  /** Failures before the first wait (the next try after the last of them waits). */
  freeFailures: number;
  /** The first wait; each further failure doubles it, up to maxWaitMs. */
  firstWaitMs: number;
  maxWaitMs: number;
};

type Entry = { failures: number; lockedUntil: number; forgetAt: number };

/**
 * Counts failures per key (an e-mail, an IP) and says how long the key must wait. An entry is
 * forgotten once its wait is over and maxWaitMs has passed without a failure: an IP is kept no
 * longer than the throttle needs it.
 */
export class FailureThrottle {
  private readonly entries = new Map<string, Entry>();
  private lastSweep = 0;

  constructor(private readonly policy: ThrottlePolicy) {}

  /** Milliseconds left before this key may try again; 0 when it may now. */
  waitMs(key: string, now: number): number {
    this.sweep(now);
    const entry = this.entries.get(key);
    return entry ? Math.max(0, entry.lockedUntil - now) : 0;
  }

  recordFailure(key: string, now: number): void {
    const entry = this.entries.get(key) ?? { failures: 0, lockedUntil: 0, forgetAt: 0 };
    entry.failures += 1;
    const beyond = entry.failures - this.policy.freeFailures + 1;
    if (beyond > 0) entry.lockedUntil = now + Math.min(this.policy.maxWaitMs, this.policy.firstWaitMs * 2 ** Math.min(beyond - 1, 30));
    entry.forgetAt = Math.max(now, entry.lockedUntil) + this.policy.maxWaitMs;
    this.entries.set(key, entry);
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** How many keys are held now (for tests of forgetting). */
  size(now: number): number {
    this.sweep(now, true);
    return this.entries.size;
  }

  private sweep(now: number, force = false): void {
    if (!force && now - this.lastSweep < 60_000) return;
    this.lastSweep = now;
    for (const [key, entry] of this.entries) if (entry.forgetAt <= now) this.entries.delete(key);
  }
}
