import { z } from "zod";

// Moderation of written words, one rule for every place people write: free-text answers
// (results) and workshop stories (workshops delegates here). Nothing written reaches a
// results page unless a person approved it, and only from a group at least as large as the
// free-text threshold (masking.freeTextThreshold).

export const MODERATION_DECISIONS = ["approve", "reject", "anonymise"] as const;
export type ModerationDecision = { decision: (typeof MODERATION_DECISIONS)[number]; text?: string };
export type ModeratedText = { ok: true; status: "approved" | "rejected"; text: string } | { ok: false };

/**
 * A moderation decision. Anonymise = the moderator's edited text (names and places removed)
 * replaces the original, which is not kept, and the text is approved; an edit that changes
 * nothing is refused (approve says that).
 */
export function moderateText(original: string, input: ModerationDecision): ModeratedText {
  switch (input.decision) {
    case "approve":
      return { ok: true, status: "approved", text: original };
    case "reject":
      return { ok: true, status: "rejected", text: original };
    case "anonymise": {
      const text = input.text?.trim() ?? "";
      if (text === "" || text === original.trim()) return { ok: false };
      return { ok: true, status: "approved", text };
    }
  }
}

/** A written text is read in results only approved, and only from a group of at least `threshold` writers. */
export function isTextPublishable(status: string, groupSize: number, threshold: number): boolean {
  return status === "approved" && groupSize >= threshold;
}

/** The free-text moderation form (/campaigns/:id/texts). */
export const textModerationFormSchema = z.object({
  answerKey: z.string().regex(/^[0-9a-f]{64}$/),
  decision: z.enum(MODERATION_DECISIONS),
  text: z.string().trim().max(4000, "texts.errors.tooLong").optional(),
});
export type TextModerationInput = z.infer<typeof textModerationFormSchema>;
