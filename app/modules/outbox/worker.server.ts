import nodemailer from "nodemailer";
import type { Db } from "../../../db/connection";
import type { OutboxStatus } from "../../../db/schema";
import { logger } from "../../lib/log.server";
import { nowIso } from "../../lib/time";
import { type MailTransport, scrubAddresses } from "./deliver.server";
import { isSmtpConfigured, mailFrom } from "./outbox.server";
import { afterFailure, type DeliveryPolicy, isPermanentFailure, policyFromEnv } from "./retry-policy";

// The outbox queue's worker. It runs in the server process and serves every territory: unlike a
// request it acts for no member, so its queries select by the message's own id and territory.

type Claimed = { id: string; territory_id: string; to_address: string; subject: string; text_body: string; attempts: number };

/**
 * Claims the oldest message that is due, in one statement (UPDATE … WHERE status = 'pending'
 * … RETURNING): two workers, or a worker and a retry click, can never both get it.
 */
export function claimNextMessage(db: Db, now = new Date()): Promise<Claimed | undefined> {
  const at = now.toISOString();
  const due = db
    .selectFrom("outbox_message")
    .select("id")
    .where("status", "=", "pending")
    .where((eb) => eb.or([eb("next_attempt_at", "is", null), eb("next_attempt_at", "<=", at)]))
    .orderBy("created_at")
    .limit(1);
  return db
    .updateTable("outbox_message")
    .set((eb) => ({ status: "sending", claimed_at: at, attempts: eb("attempts", "+", 1) }))
    .where("id", "=", due)
    .where("status", "=", "pending")
    .returning(["id", "territory_id", "to_address", "subject", "text_body", "attempts"])
    .executeTakeFirst();
}

export type DeliveryOutcome = "sent" | "retrying" | "failed";

/** Sends one claimed message (no transaction is open meanwhile) and records what happened. */
async function deliver(db: Db, message: Claimed, transport: MailTransport, policy: DeliveryPolicy, from: string): Promise<DeliveryOutcome> {
  try {
    await transport.sendMail({ from, to: message.to_address, subject: message.subject, text: message.text_body });
  } catch (error) {
    const outcome = afterFailure(policy, message.attempts, isPermanentFailure(error), new Date());
    const text = scrubAddresses(error instanceof Error ? error.message : String(error));
    await record(db, message, outcome.status === "pending" ? { status: "pending", error: text, next_attempt_at: outcome.nextAttemptAt.toISOString() } : { status: "failed", error: text });
    logger.warn({ outboxMessage: message.id, attempts: message.attempts, outcome: outcome.status === "pending" ? "retrying" : "failed" }, "e-mail delivery failed");
    return outcome.status === "pending" ? "retrying" : "failed";
  }
  await record(db, message, { status: "sent", sent_at: nowIso(), error: null, next_attempt_at: null });
  logger.info({ outboxMessage: message.id, attempts: message.attempts }, "e-mail sent");
  return "sent";
}

type Outcome = { status: OutboxStatus; error: string | null; next_attempt_at?: string | null; sent_at?: string };

/** Only the worker's own claim is updated (still "sending"): a message requeued meanwhile is not touched. */
async function record(db: Db, message: Claimed, outcome: Outcome): Promise<void> {
  await db.updateTable("outbox_message").set(outcome).where("id", "=", message.id).where("territory_id", "=", message.territory_id).where("status", "=", "sending").execute();
}

/**
 * A message left "sending" by a process that stopped (kill, crash, power cut) may or may not
 * have reached the SMTP server: it becomes "uncertain" and waits for a person to resend it,
 * rather than risk a second copy. One server process per database (SQLite) makes "at start-up"
 * the right moment.
 */
export async function markInterruptedDeliveries(db: Db): Promise<number> {
  const result = await db.updateTable("outbox_message").set({ status: "uncertain" }).where("status", "=", "sending").executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export function smtpTransport(): MailTransport | null {
  return isSmtpConfigured() ? nodemailer.createTransport(process.env.SMTP_URL) : null;
}

export type WorkerOptions = { transport: MailTransport; policy?: DeliveryPolicy; from?: string; idleMs?: number };

/**
 * Delivers what is due now, paced by the rate limit, until nothing is due (tests, and the
 * worker's inner loop). Returns the outcome of each message.
 */
export async function deliverDueMessages(db: Db, options: WorkerOptions, shouldStop: () => boolean = () => false): Promise<Record<DeliveryOutcome, number>> {
  const policy = options.policy ?? policyFromEnv();
  const from = options.from ?? mailFrom();
  const counts: Record<DeliveryOutcome, number> = { sent: 0, retrying: 0, failed: 0 };
  while (!shouldStop()) {
    const message = await claimNextMessage(db);
    if (!message) break;
    const started = Date.now();
    counts[await deliver(db, message, options.transport, policy, from)]++;
    await sleep(Math.max(0, 1000 / policy.ratePerSecond - (Date.now() - started)));
  }
  return counts;
}

export type OutboxWorker = { stop: () => Promise<void> };

/** Starts the worker: marks interrupted deliveries, then delivers what is due, polling when idle. */
export async function startOutboxWorker(db: Db, options: WorkerOptions): Promise<OutboxWorker> {
  const interrupted = await markInterruptedDeliveries(db);
  if (interrupted > 0) logger.warn({ uncertain: interrupted }, "e-mails interrupted mid-send by a stop: marked uncertain, not resent");
  let stopping = false;
  const loop = (async () => {
    while (!stopping) {
      try {
        await deliverDueMessages(db, options, () => stopping);
      } catch (error) {
        logger.error({ err: error instanceof Error ? error.name : "error" }, "outbox worker step failed");
      }
      if (!stopping) await sleep(options.idleMs ?? 1000);
    }
  })();
  return {
    async stop() {
      stopping = true;
      await loop;
    },
  };
}

function sleep(ms: number): Promise<void> {
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}
