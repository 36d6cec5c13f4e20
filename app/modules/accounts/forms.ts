import { z } from "zod";
import { LOCALES } from "../../i18n/i18n";
import { hasControlCharacter } from "../../lib/http/control-characters";
import { ROLES } from "./roles";

export const signInSchema = z.object({
  email: z.string({ error: "errors.emailInvalid" }).trim().email("errors.emailInvalid"),
  password: z.string({ error: "errors.required" }).min(1, "errors.required"),
  redirectTo: z.string().optional(),
});

export const inviteMemberSchema = z.object({
  email: z.string({ error: "errors.emailInvalid" }).trim().email("errors.emailInvalid"),
  role: z.enum(ROLES, { error: "errors.roleInvalid" }),
  associationId: z.string().optional(),
  // The invitee's language, for the e-mail and the page its link opens: French unless chosen.
  language: z.enum(LOCALES).catch("fr"),
});

export const changeRoleSchema = z.object({
  membershipId: z.string().min(1),
  role: z.enum(ROLES, { error: "errors.roleInvalid" }),
});

export const acceptInvitationSchema = z.object({
  displayName: z.string({ error: "errors.nameRequired" }).trim().min(1, "errors.nameRequired").max(120, "errors.nameRequired"),
  password: z.string({ error: "errors.passwordTooShort" }).min(10, "errors.passwordTooShort").max(200),
});

// Any base works: only whether the path stays on it matters.
const SAME_ORIGIN_BASE = new URL("http://same-origin.invalid");
const unsafeCharacter = (text: string) => text.includes("\\") || hasControlCharacter(text);

/**
 * Only paths on this site: an open redirect would let a link sign someone in and send them
 * elsewhere. The path must start with one `/` (not `//` or `/\`), hold no control character or
 * backslash (browsers read `\` as `/` and drop tabs), and still be on the same origin once parsed.
 */
export function safeRedirect(to: unknown, fallback = "/dashboard"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || unsafeCharacter(to)) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(to);
  } catch {
    return fallback;
  }
  // Encoded tricks (`/%09/evil`, `/%5Cevil`) are refused like their decoded form.
  if (decoded.startsWith("//") || unsafeCharacter(decoded)) return fallback;
  try {
    return new URL(to, SAME_ORIGIN_BASE).origin === SAME_ORIGIN_BASE.origin ? to : fallback;
  } catch {
    return fallback;
  }
}

export const forgotPasswordSchema = z.object({
  email: z.string({ error: "errors.emailInvalid" }).trim().email("errors.emailInvalid"),
});

export const resetPasswordSchema = z.object({
  password: z.string({ error: "errors.passwordTooShort" }).min(10, "errors.passwordTooShort").max(200),
});
