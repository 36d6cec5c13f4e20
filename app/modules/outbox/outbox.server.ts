import type { DbOrTrx } from "../../../db/connection";
import { newId } from "../../lib/ids";
import { nowIso } from "../../lib/time";

export type OutgoingEmail = { territoryId: string; kind: string; to: string; subject: string; text: string; campaignId?: string | null };

/**
 * Every e-mail goes through the outbox table, written in the same transaction as what caused
 * it; delivery (SMTP when configured) happens afterwards, so a mail failure never loses data.
 */
export async function queueEmail(db: DbOrTrx, email: OutgoingEmail): Promise<string> {
  const id = newId();
  await db
    .insertInto("outbox_message")
    .values({
      id,
      territory_id: email.territoryId,
      campaign_id: email.campaignId ?? null,
      kind: email.kind,
      to_address: email.to,
      subject: email.subject,
      text_body: email.text,
      created_at: nowIso(),
      sent_at: null,
      error: null,
    })
    .execute();
  return id;
}

/** Deletes a campaign's e-mails (its personal data), in the caller's transaction. */
export async function deleteCampaignEmails(trx: DbOrTrx, territoryId: string, campaignId: string): Promise<void> {
  await trx.deleteFrom("outbox_message").where("campaign_id", "=", campaignId).where("territory_id", "=", territoryId).execute();
}

export function listOutbox(db: DbOrTrx, territoryId: string, limit = 200) {
  return db
    .selectFrom("outbox_message")
    .select(["id", "to_address as toAddress", "subject", "text_body as textBody", "created_at as createdAt", "sent_at as sentAt", "error", "status", "attempts", "next_attempt_at as nextAttemptAt"])
    .where("territory_id", "=", territoryId)
    .orderBy("outbox_message.created_at", "desc")
    .limit(limit)
    .execute();
}

/**
 * A person asks to send again a message that failed for good or was caught mid-send by a
 * restart (it may have left: the page says so before the button). Only those two states.
 */
export async function requeueMessage(db: DbOrTrx, territoryId: string, messageId: string): Promise<boolean> {
  const result = await db
    .updateTable("outbox_message")
    .set({ status: "pending", attempts: 0, next_attempt_at: null, error: null })
    .where("id", "=", messageId)
    .where("territory_id", "=", territoryId)
    .where("status", "in", ["failed", "uncertain"])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * The queue's state for /healthz and monitoring, all territories together (counts only): how
 * many wait, how many wait for a retry, how many failed or are uncertain, and the oldest wait.
 */
export async function outboxBacklog(db: DbOrTrx) {
  const rows = await db
    .selectFrom("outbox_message")
    .select((eb) => ["status", eb.fn.countAll<number>().as("n"), eb.fn.min("created_at").as("oldest"), eb.fn.count<number>("next_attempt_at").as("retrying")])
    .where("status", "!=", "sent")
    .groupBy("status")
    .execute();
  const of = (status: string) => rows.find((r) => r.status === status);
  return {
    pending: Number(of("pending")?.n ?? 0),
    retrying: Number(of("pending")?.retrying ?? 0),
    sending: Number(of("sending")?.n ?? 0),
    failed: Number(of("failed")?.n ?? 0),
    uncertain: Number(of("uncertain")?.n ?? 0),
    oldestPendingAt: of("pending")?.oldest ?? null,
  };
}

export function isSmtpConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL);
}

export const DEFAULT_MAIL_FROM = "Évaluation partagée <no-reply@localhost>";

export function mailFrom(env: NodeJS.ProcessEnv = process.env): string {
  return env.MAIL_FROM || DEFAULT_MAIL_FROM;
}

/**
 * The addresses of a campaign's e-mails still waiting in the outbox (no SMTP configured, or it
 * failed): the invitations page and participation say « en attente d'envoi » for them, not « envoyée ».
 */
export async function undeliveredCampaignAddresses(db: DbOrTrx, territoryId: string, campaignId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("outbox_message")
    .select("to_address")
    .distinct()
    .where("territory_id", "=", territoryId)
    .where("campaign_id", "=", campaignId)
    .where("sent_at", "is", null)
    .execute();
  return new Set(rows.map((r) => r.to_address));
}
