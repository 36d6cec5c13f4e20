import type { Db } from "../../../db/connection";
import type { Locale } from "../../i18n/i18n";
import { nowIso } from "../../lib/time";
import { formFailure, type Result } from "../failure";
import { queueEmail } from "../outbox/outbox.server";
import { composeInvitationEmail } from "./email-text";
import { type Actor, loadInvitationCampaign, optedOutAmong } from "./invitations.server";
import { shouldRemind, shouldSendInvitation } from "./status";
import { unsubscribeToken } from "./unsubscribe.server";

export type SendOutcome = Result<{ queued: number }>;

/**
 * Queues the invitation e-mails (or the one reminder) in one transaction, marking each
 * invitation sent (or reminded) with it; delivery through SMTP happens after the commit.
 */
async function queueCampaignEmails(db: Db, actor: Actor, campaignId: string, baseUrl: string, kind: "invitation" | "reminder", locale: Locale): Promise<SendOutcome> {
  const outcome = await db.transaction().execute(async (trx) => {
    const { campaign, territoryName } = await loadInvitationCampaign(trx, actor.territoryId, campaignId);
    if (campaign.state !== "open") return formFailure("invitations.email.notOpen");
    const rows = await trx
      .selectFrom("invitation")
      .select(["id", "code", "email", "display_name", "response_count", "sent_at", "reminded_at"])
      .where("campaign_id", "=", campaign.id)
      .where("territory_id", "=", actor.territoryId)
      .where("kind", "=", "personal")
      .where("email", "is not", null)
      .execute();
    const optedOut = await optedOutAmong(trx, actor.territoryId, rows.map((r) => r.email!));
    const chosen = rows.filter((r) => {
      const facts = { ...r, isOptedOut: optedOut.has(r.email!) };
      return kind === "invitation" ? shouldSendInvitation(facts) : shouldRemind(facts);
    });
    const at = nowIso();
    for (const invitation of chosen) {
      const email = composeInvitationEmail({
        kind,
        territoryName,
        campaignTitle: campaign.title,
        closesOn: campaign.closesOn,
        isAnonymous: campaign.isAnonymous,
        name: invitation.display_name,
        code: invitation.code,
        baseUrl,
        unsubscribeToken: unsubscribeToken(invitation.id, actor.territoryId, invitation.email!),
      }, locale);
      await queueEmail(trx, { territoryId: actor.territoryId, campaignId: campaign.id, kind: `campaign_${kind}`, to: invitation.email!, ...email });
      await trx
        .updateTable("invitation")
        .set(kind === "invitation" ? { sent_at: at } : { reminded_at: at })
        .where("id", "=", invitation.id)
        .where("territory_id", "=", actor.territoryId)
        .execute();
    }
    return { ok: true as const, queued: chosen.length };
  });
  return outcome;
}

/** One e-mail per personal invitation with an address, not sent yet, not opted out. */
export function sendInvitationEmails(db: Db, actor: Actor, campaignId: string, baseUrl: string, locale: Locale = "fr") {
  return queueCampaignEmails(db, actor, campaignId, baseUrl, "invitation", locale);
}

/** The one reminder: to those sent an invitation who have not answered and were not reminded. */
export function sendReminderEmails(db: Db, actor: Actor, campaignId: string, baseUrl: string, locale: Locale = "fr") {
  return queueCampaignEmails(db, actor, campaignId, baseUrl, "reminder", locale);
}
