import { LOCALES } from "../../i18n/i18n";
import { z } from "zod";

// The invitation forms; error messages are i18n keys, translated where the form is shown.

const optionalText = (max: number) => z.string().trim().max(max, "invitations.errors.tooLong").optional();

export const addPersonSchema = z.object({
  name: optionalText(120),
  email: z.string().trim().max(254, "invitations.errors.emailInvalid").email("invitations.errors.emailInvalid").optional(),
  groupId: z.string({ error: "invitations.errors.groupRequired" }).min(1, "invitations.errors.groupRequired").max(100, "invitations.errors.groupRequired"),
  neighbourhood: optionalText(200),
});
export type AddPersonInput = z.infer<typeof addPersonSchema>;

const cap = z.number({ error: "invitations.errors.capInvalid" }).int("invitations.errors.capInvalid").min(1, "invitations.errors.capInvalid").max(100_000, "invitations.errors.capInvalid");

export const addOpenLinkSchema = z.object({
  groupId: z.string({ error: "invitations.errors.groupRequired" }).min(1, "invitations.errors.groupRequired").max(100, "invitations.errors.groupRequired"),
  neighbourhood: optionalText(200),
  cap: cap.optional(),
});
export type OpenLinkInput = z.infer<typeof addOpenLinkSchema>;

export const changeCapSchema = z.object({
  invitationId: z.string().min(1).max(64),
  cap: cap.optional(),
});

export const paperSchema = z.object({
  groupId: z.string({ error: "invitations.errors.groupRequired" }).min(1, "invitations.errors.groupRequired").max(100, "invitations.errors.groupRequired"),
  neighbourhood: optionalText(200),
  count: z.number({ error: "invitations.errors.countInvalid" }).int("invitations.errors.countInvalid").min(1, "invitations.errors.countInvalid").max(500, "invitations.errors.countInvalid"),
});
export type PaperInput = z.infer<typeof paperSchema>;

/** The confirm step of an import carries the decoded text back; 1 MB of CSV at most. */
export const confirmImportSchema = z.object({
  csv: z.string().max(2_000_000),
  skipBadLines: z.literal("on").optional(),
});

export const INTENTS = ["addPerson", "addOpenLink", "changeCap", "createPaper", "send", "remind"] as const;
export type Intent = (typeof INTENTS)[number];
export const intentSchema = z.object({ intent: z.enum(INTENTS) });

/** The language the invitation e-mails are written in: the campaign's, French unless chosen. */
export const emailLanguageSchema = z.object({ language: z.enum(LOCALES).catch("fr") });
