import { z } from "zod";
import { ROLES } from "./roles";

export const signInSchema = z.object({
  email: z.string({ error: "errors.emailInvalid" }).trim().email("errors.emailInvalid"),
  password: z.string({ error: "errors.required" }).min(1, "errors.required"),
  redirectTo: z.string().optional(),
});

export const inviteMemberSchema = z.object({
  email: z.string({ error: "errors.emailInvalid" }).trim().email("errors.emailInvalid"),
  role: z.enum(ROLES as [string, ...string[]], { error: "errors.roleInvalid" }),
  associationId: z.string().optional(),
});

export const changeRoleSchema = z.object({
  membershipId: z.string().min(1),
  role: z.enum(ROLES as [string, ...string[]], { error: "errors.roleInvalid" }),
});

export const acceptInvitationSchema = z.object({
  displayName: z.string({ error: "errors.nameRequired" }).trim().min(1, "errors.nameRequired").max(120, "errors.nameRequired"),
  password: z.string({ error: "errors.passwordTooShort" }).min(10, "errors.passwordTooShort").max(200),
});

/** Only paths on this site: an open redirect would let a link sign someone in and send them elsewhere. */
export function safeRedirect(to: unknown, fallback = "/dashboard"): string {
  return typeof to === "string" && to.startsWith("/") && !to.startsWith("//") ? to : fallback;
}
