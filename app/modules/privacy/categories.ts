// The kinds of personal data the install holds, in the privacy page's order. Outside the
// `.server` module so the page's browser bundle has the list too (a `.server` import is empty there).
export const PRIVACY_CATEGORIES = ["members", "invitations", "outbox", "subscribers", "optOuts", "responses"] as const;
export type PrivacyCategory = (typeof PRIVACY_CATEGORIES)[number];
