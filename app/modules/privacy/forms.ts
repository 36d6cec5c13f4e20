import { z } from "zod";

/** Deleting one's account is confirmed by typing a word, so a stray click cannot do it. */
export const deleteAccountSchema = z.object({
  confirm: z.literal("SUPPRIMER", { error: "operations.account.confirmWrong" }),
});

export const personEmailSchema = z.object({
  email: z.string({ error: "errors.emailInvalid" }).trim().toLowerCase().email("errors.emailInvalid").max(320, "errors.emailInvalid"),
});
