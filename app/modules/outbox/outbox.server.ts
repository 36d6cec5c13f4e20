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
    .selectAll()
    .where("territory_id", "=", territoryId)
    .orderBy("created_at", "desc")
    .limit(limit)
    .execute();
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
