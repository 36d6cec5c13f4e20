import type { Db } from "../../../db/connection";
import { newId } from "../../lib/ids";
import { logAudit } from "../audit/audit.server";
import { erasePersonInvitations, isOptedOut, listPersonInvitations } from "../invitations/person-data.server";
import { deleteEmailsTo, listEmailsTo } from "../outbox/personal-data.server";
import { deleteSubscriptions, listSubscriptions } from "../surveys/subscriber-data.server";

// A person's invitation data in one territory, on their request to the council (RGPD access
// and erasure): invitations, e-mails in the outbox, « prévenez-moi » subscriptions.

/** Everything the territory keeps under that address, as the export gives it. */
export async function exportPersonData(db: Db, territoryId: string, address: string) {
  const email = address.trim().toLowerCase();
  const [invitations, emails, subscriptions, optedOut] = await Promise.all([
    listPersonInvitations(db, territoryId, email),
    listEmailsTo(db, territoryId, email),
    listSubscriptions(db, territoryId, email),
    isOptedOut(db, territoryId, email),
  ]);
  return {
    email,
    invitations: invitations.map((i) => ({ campaignId: i.campaign_id, group: i.group_id, neighbourhood: i.neighbourhood, name: i.display_name, sentAt: i.sent_at, remindedAt: i.reminded_at, answered: i.response_count > 0 })),
    emails: emails.map((e) => ({ kind: e.kind, subject: e.subject, text: e.text_body, status: e.status, createdAt: e.created_at, sentAt: e.sent_at })),
    subscriptions: subscriptions.map((s) => ({ campaignId: s.campaign_id })),
    optedOut,
  };
}

export async function summarizePersonData(db: Db, territoryId: string, address: string) {
  const data = await exportPersonData(db, territoryId, address);
  return { invitations: data.invitations.length, emails: data.emails.length, subscriptions: data.subscriptions.length, optedOut: data.optedOut };
}

/**
 * Erases it in one transaction. A response the person gave stays, unlinked (an anonymous one
 * never was linked); the opt-out stays, or the person would be written to again. The audit
 * line says that an erasure happened, not whose.
 */
export async function erasePersonData(db: Db, actor: { territoryId: string; userId: string }, address: string): Promise<{ invitations: number; emails: number; subscriptions: number }> {
  return db.transaction().execute(async (trx) => {
    const invitations = await erasePersonInvitations(trx, actor.territoryId, address);
    const emails = await deleteEmailsTo(trx, actor.territoryId, address);
    const subscriptions = await deleteSubscriptions(trx, actor.territoryId, address);
    await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "personal_data_request", entityId: newId(), action: "person_data_erased" });
    return { invitations, emails, subscriptions };
  });
}
