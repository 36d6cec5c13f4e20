import { FailureThrottle } from "./throttle";

const MINUTE = 60_000;

// Per account: 5 tries, then 1, 2, 4… minutes, at most an hour. Per IP: more tries, since many
// people can share one address (a town hall, a mobile network).
const byAccount = new FailureThrottle({ freeFailures: 5, firstWaitMs: MINUTE, maxWaitMs: 60 * MINUTE });
const byAddress = new FailureThrottle({ freeFailures: 30, firstWaitMs: MINUTE, maxWaitMs: 60 * MINUTE });

const accountKey = (email: string) => email.trim().toLowerCase();

/** Whole minutes to wait before this e-mail or this address may try again; 0 when they may. */
export function signInWaitMinutes(email: string, clientIp: string, now = Date.now()): number {
  const waitMs = Math.max(byAccount.waitMs(accountKey(email), now), clientIp ? byAddress.waitMs(clientIp, now) : 0);
  return Math.ceil(waitMs / MINUTE);
}

/** Counts a failed try, whether or not the account exists (the answer must not tell). */
export function recordSignInFailure(email: string, clientIp: string, now = Date.now()): void {
  byAccount.recordFailure(accountKey(email), now);
  if (clientIp) byAddress.recordFailure(clientIp, now);
}

/** A successful sign-in clears the account's count (not the address's). */
export function recordSignInSuccess(email: string): void {
  byAccount.reset(accountKey(email));
}
