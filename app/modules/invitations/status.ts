import type { CampaignState } from "../../../db/schema";

/** Invitations are added while the campaign is prepared or running, never after it closes. */
export function canAddInvitations(state: CampaignState): boolean {
  return state === "draft" || state === "open";
}

/** Names and e-mails can be erased once nobody is invited any more. */
export function canDeletePersonalData(state: CampaignState): boolean {
  return state === "closed" || state === "in_review" || state === "published";
}

export type PersonalStatus = "not_sent" | "queued" | "sent" | "reminded" | "opened" | "answered" | "unsubscribed";

/**
 * What the council sees of one personal invitation. In an anonymous campaign "answered" is
 * only the invitation's used flag (DESIGN.md §4: the invitation only learns "used").
 */
export function personalStatus(invitation: { response_count: number; is_opened: number; sent_at: string | null; reminded_at: string | null; isOptedOut: boolean; isAwaitingDelivery?: boolean }): PersonalStatus {
  if (invitation.response_count > 0) return "answered";
  if (invitation.isOptedOut) return "unsubscribed";
  if (invitation.is_opened) return "opened";
  // Queued in the outbox but not delivered (no SMTP, or it failed): not « envoyée » yet.
  if (invitation.isAwaitingDelivery && (invitation.sent_at || invitation.reminded_at)) return "queued";
  if (invitation.reminded_at) return "reminded";
  if (invitation.sent_at) return "sent";
  return "not_sent";
}

/** Who gets the invitation e-mail: an address, not sent yet, not opted out. */
export function shouldSendInvitation(i: { email: string | null; sent_at: string | null; isOptedOut: boolean }): boolean {
  return Boolean(i.email) && !i.sent_at && !i.isOptedOut;
}

/** Who gets the one reminder: sent, not answered, not reminded yet, not opted out. */
export function shouldRemind(i: { email: string | null; sent_at: string | null; reminded_at: string | null; response_count: number; isOptedOut: boolean }): boolean {
  return Boolean(i.email) && Boolean(i.sent_at) && !i.reminded_at && i.response_count === 0 && !i.isOptedOut;
}
