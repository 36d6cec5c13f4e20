import { z } from "zod";

/**
 * One survey screen as posted by the browser (with or without JavaScript). Every field falls
 * back instead of throwing: a tampered or oversized post gets the question again with its
 * message, never an error page. A text over the scale's limit is kept and refused by
 * parseAnswer with « trop long », so what was typed is not lost.
 */
export const surveyStepSchema = z.object({
  // « Envoyer » posts to its own endpoint (submit-endpoint.server.ts), never to a screen.
  intent: z.enum(["next", "previous", "skip"]).catch("next"),
  step: z.coerce.number().int().min(0).max(10_000).catch(0),
  value: z.string().max(100_000).optional().catch(undefined),
  values: z.array(z.string().max(200)).max(100).optional().catch(undefined),
  dontKnow: z.literal("on").optional().catch(undefined),
  /** Set when the screen was opened from the review list: « Suivant » goes back there. */
  fromReview: z.literal("1").optional().catch(undefined),
});

export function readSurveyForm(formData: FormData) {
  return surveyStepSchema.parse({
    intent: formData.get("intent") ?? undefined,
    step: formData.get("step") ?? undefined,
    value: formData.get("value") ?? undefined,
    values: formData.getAll("values").map(String),
    dontKnow: formData.get("dontKnow") ?? undefined,
    fromReview: formData.get("fromReview") ?? undefined,
  });
}

/** « Prévenez-moi de la publication » on the thank-you page: one e-mail address, nothing else. */
export const resultsSubscriptionSchema = z.object({
  email: z.string({ error: "survey.emailInvalid" }).trim().max(254, "survey.emailInvalid").email("survey.emailInvalid"),
});
