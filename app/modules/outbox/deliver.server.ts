import nodemailer from "nodemailer";
import type { Db } from "../../../db/connection";
import { nowIso } from "../../lib/time";
import { isSmtpConfigured, mailFrom } from "./outbox.server";

/** What delivery needs from nodemailer: a transport's sendMail. */
export type MailTransport = { sendMail: (message: { from: string; to: string; subject: string; text: string }) => Promise<unknown> };

/** Error text without e-mail addresses: it is shown on the outbox page and may reach logs. */
export function scrubAddresses(text: string): string {
  return text.replace(/[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g, "[adresse]").slice(0, 500);
}

/**
 * Sends the territory's pending outbox messages, one by one, outside any transaction (network
 * work never holds the database). Each message records `sent_at` or its `error`; without
 * SMTP_URL nothing is sent and the outbox page shows what would be.
 */
export async function deliverPendingEmails(db: Db, territoryId: string, transport?: MailTransport, from = mailFrom()): Promise<{ sent: number; failed: number }> {
  const mailer = transport ?? (isSmtpConfigured() ? nodemailer.createTransport(process.env.SMTP_URL) : null);
  if (!mailer) return { sent: 0, failed: 0 };
  const pending = await db
    .selectFrom("outbox_message")
    .select(["id", "to_address", "subject", "text_body"])
    .where("territory_id", "=", territoryId)
    .where("sent_at", "is", null)
    .where("error", "is", null)
    .orderBy("created_at")
    .limit(500)
    .execute();
  let sent = 0;
  let failed = 0;
  for (const message of pending) {
    try {
      await mailer.sendMail({ from, to: message.to_address, subject: message.subject, text: message.text_body });
      await db.updateTable("outbox_message").set({ sent_at: nowIso() }).where("id", "=", message.id).where("territory_id", "=", territoryId).execute();
      sent++;
    } catch (error) {
      const text = scrubAddresses(error instanceof Error ? error.message : String(error));
      await db.updateTable("outbox_message").set({ error: text }).where("id", "=", message.id).where("territory_id", "=", territoryId).execute();
      failed++;
    }
  }
  return { sent, failed };
}
