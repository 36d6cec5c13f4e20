import { z } from "zod";
import { REVIEW_POSITIONS } from "../../../db/schema";
import type { Failure } from "../failure";

const text = (min: number, max: number, key: string) => z.string().trim().min(min, key).max(max, key);
const optionalText = z.string().trim().max(2000, "review.errors.textRequired").optional().transform((v) => (v ? v : undefined));
const day = z
  .string()
  .trim()
  .optional()
  .refine((v) => !v || /^\d{4}-\d{2}-\d{2}$/.test(v), "review.errors.dateInvalid")
  .transform((v) => (v ? v : undefined));

/** Longest comment (the database checks it for guests, migration 0017); the form says so first. */
export const COMMENT_MAX = 2000;

/** Every form of the review page, told apart by `intent`; `target` is the finding (or commitment) it acts on. */
export const reviewFormSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("summary"), target: z.string(), summary: z.string().trim().max(4000, "review.errors.textRequired") }),
  z.object({ intent: z.literal("finding"), target: z.string().min(1), title: text(1, 200, "review.errors.titleRequired"), body: text(3, 4000, "review.errors.textRequired") }),
  z.object({ intent: z.enum(["open", "close", "publish"]), target: z.string() }),
  z.object({
    intent: z.literal("position"),
    target: z.string().min(1),
    position: z.enum(REVIEW_POSITIONS, "review.errors.positionRequired"),
    reason: text(3, 2000, "review.errors.reasonRequired"),
    rewording: optionalText,
  }),
  z.object({ intent: z.literal("comment"), target: z.string().min(1), body: text(3, COMMENT_MAX, "review.errors.commentLength") }),
  z
    .object({
      intent: z.literal("answer"),
      target: z.string().min(1),
      response: text(3, 4000, "review.errors.textRequired"),
      what0: optionalText,
      who0: optionalText,
      due0: day,
      what1: optionalText,
      who1: optionalText,
      due1: day,
    })
    .superRefine((v, ctx) => {
      for (const i of [0, 1] as const) {
        const what = i === 0 ? v.what0 : v.what1;
        const who = i === 0 ? v.who0 : v.who1;
        if (Boolean(what) !== Boolean(who)) ctx.addIssue({ code: "custom", path: [what ? `who${i}` : `what${i}`], message: "review.errors.commitmentIncomplete" });
      }
    }),
  z.object({
    intent: z.literal("invite"),
    target: z.string(),
    email: z.string().trim().max(254, "review.errors.emailInvalid").email("review.errors.emailInvalid"),
    label: text(2, 120, "review.errors.labelRequired"),
  }),
  z.object({ intent: z.literal("outcome"), target: z.string().min(1), outcome: text(3, 2000, "review.errors.textRequired") }),
]);
export type ReviewForm = z.infer<typeof reviewFormSchema>;

/** The form as typed, or a failure with one message per field (i18n keys). */
export function parseReviewForm(values: Record<string, string>): { ok: true; form: ReviewForm } | Failure {
  const parsed = reviewFormSchema.safeParse(values);
  if (parsed.success) return { ok: true, form: parsed.data };
  const fieldErrors: Failure["fieldErrors"] = {};
  const formErrors: Failure["formErrors"] = [];
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    const key = issue.message.startsWith("review.") ? issue.message : "review.errors.textRequired";
    if (typeof field === "string" && field !== "intent" && field !== "target") (fieldErrors[field] ??= []).push({ key });
    else formErrors.push({ key: "review.errors.wrongState", params: { state: "" } });
  }
  return { ok: false, fieldErrors, formErrors };
}

/** The commitments an answer form carries (rows left empty are no commitment). */
export function commitmentsOf(form: Extract<ReviewForm, { intent: "answer" }>) {
  const rows = [
    { what: form.what0, who: form.who0, dueOn: form.due0 },
    { what: form.what1, who: form.who1, dueOn: form.due1 },
  ];
  return rows.flatMap((r) => (r.what && r.who ? [{ what: r.what, who: r.who, dueOn: r.dueOn }] : []));
}
