import { describe, expect, it } from "vitest";
import { canAddInvitations, canDeletePersonalData, personalStatus, shouldRemind, shouldSendInvitation } from "./status";

const base = { response_count: 0, is_opened: 0, sent_at: null, reminded_at: null, isOptedOut: false };

describe("personal invitation status", () => {
  it("follows the invitation from not sent to answered", () => {
    expect(personalStatus(base)).toBe("not_sent");
    expect(personalStatus({ ...base, sent_at: "2026-01-01" })).toBe("sent");
    expect(personalStatus({ ...base, sent_at: "2026-01-01", isAwaitingDelivery: true })).toBe("queued");
    expect(personalStatus({ ...base, sent_at: "2026-01-01", reminded_at: "2026-01-08", isAwaitingDelivery: true })).toBe("queued");
    expect(personalStatus({ ...base, sent_at: "2026-01-01", reminded_at: "2026-01-08" })).toBe("reminded");
    expect(personalStatus({ ...base, sent_at: "2026-01-01", is_opened: 1 })).toBe("opened");
    expect(personalStatus({ ...base, sent_at: "2026-01-01", response_count: 1, isOptedOut: true })).toBe("answered");
    expect(personalStatus({ ...base, sent_at: "2026-01-01", isOptedOut: true })).toBe("unsubscribed");
  });

  it("sends once, never to an opted-out address or without an address", () => {
    expect(shouldSendInvitation({ email: "a@b.fr", sent_at: null, isOptedOut: false })).toBe(true);
    expect(shouldSendInvitation({ email: "a@b.fr", sent_at: "2026-01-01", isOptedOut: false })).toBe(false);
    expect(shouldSendInvitation({ email: "a@b.fr", sent_at: null, isOptedOut: true })).toBe(false);
    expect(shouldSendInvitation({ email: null, sent_at: null, isOptedOut: false })).toBe(false);
  });

  it("reminds once, only those who were sent the invitation and have not answered", () => {
    const sent = { email: "a@b.fr", sent_at: "2026-01-01", reminded_at: null, response_count: 0, isOptedOut: false };
    expect(shouldRemind(sent)).toBe(true);
    expect(shouldRemind({ ...sent, reminded_at: "2026-01-08" })).toBe(false);
    expect(shouldRemind({ ...sent, response_count: 1 })).toBe(false);
    expect(shouldRemind({ ...sent, sent_at: null })).toBe(false);
    expect(shouldRemind({ ...sent, isOptedOut: true })).toBe(false);
  });

  it("adds invitations only before the campaign closes; erases personal data only after", () => {
    expect(canAddInvitations("draft")).toBe(true);
    expect(canAddInvitations("open")).toBe(true);
    expect(canAddInvitations("closed")).toBe(false);
    expect(canDeletePersonalData("open")).toBe(false);
    expect(canDeletePersonalData("closed")).toBe(true);
    expect(canDeletePersonalData("published")).toBe(true);
  });
});
