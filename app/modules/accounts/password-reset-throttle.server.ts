import { FailureThrottle } from "./throttle";

const MINUTE = 60_000;

// Every request counts (not only failures): each one may send an e-mail, so an address cannot be
// flooded with reset mails, nor the outbox filled from one IP. Same back-off as sign-in.
const byAccount = new FailureThrottle({ freeFailures: 3, firstWaitMs: MINUTE, maxWaitMs: 60 * MINUTE });
const byAddress = new FailureThrottle({ freeFailures: 30, firstWaitMs: MINUTE, maxWaitMs: 60 * MINUTE });

const accountKey = (email: string) => email.trim().toLowerCase();

/** Whole minutes to wait before this e-mail or this address may ask again; 0 when they may. */
export function passwordResetWaitMinutes(email: string, clientIp: string, now = Date.now()): number {
  const waitMs = Math.max(byAccount.waitMs(accountKey(email), now), clientIp ? byAddress.waitMs(clientIp, now) : 0);
  return Math.ceil(waitMs / MINUTE);
}

export function recordPasswordResetRequest(email: string, clientIp: string, now = Date.now()): void {
  byAccount.recordFailure(accountKey(email), now);
  if (clientIp) byAddress.recordFailure(clientIp, now);
}
