// Exponential back-off on failed sign-ins and reset requests, kept in memory only (README « Sécurité »).

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

const MINUTE = 60_000;

/**
 * The throttle of a form that names an account (sign-in, password reset): per account, then 1,
 * 2, 4… minutes, at most an hour; per IP 30 tries, since many people can share one address (a
 * town hall, a mobile network). Only `freePerAccount` differs between forms.
 */
export function accountThrottle(freePerAccount: number) {
  const byAccount = new FailureThrottle({ freeFailures: freePerAccount, firstWaitMs: MINUTE, maxWaitMs: 60 * MINUTE });
  const byAddress = new FailureThrottle({ freeFailures: 30, firstWaitMs: MINUTE, maxWaitMs: 60 * MINUTE });
  const accountKey = (email: string) => email.trim().toLowerCase();
  return {
    /** Whole minutes to wait before this e-mail or this address may try again; 0 when they may. */
    waitMinutes(email: string, clientIp: string, now = Date.now()): number {
      const waitMs = Math.max(byAccount.waitMs(accountKey(email), now), clientIp ? byAddress.waitMs(clientIp, now) : 0);
      return Math.ceil(waitMs / MINUTE);
    },
    /** Counts a try, whether or not the account exists (the answer must not tell). */
    record(email: string, clientIp: string, now = Date.now()): void {
      byAccount.recordFailure(accountKey(email), now);
      if (clientIp) byAddress.recordFailure(clientIp, now);
    },
    /** Clears the account's count (not the address's). */
    reset(email: string): void {
      byAccount.reset(accountKey(email));
    },
  };
}
