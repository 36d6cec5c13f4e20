import type { Submission, SubmissionResult } from "@conform-to/react";
import { createTranslator } from "../i18n/i18n";
import { getLocale } from "../i18n/locale.server";
import type { Failure, Message } from "../modules/failure";

/**
 * The one place a module's Failure becomes what a page shows, as conform's field and form
 * errors: a message with values ({count}, a state) is put in the page's language here; one
 * without travels as its key, which the page translates (FieldErrors, FormErrorSummary).
 */
export async function translateFailure(request: Request, failure: Failure): Promise<{ fieldErrors: Record<string, string[]>; formErrors: string[] }> {
  const t = createTranslator(await getLocale(request));
  // A value may itself be a key (a state's name): it is said in the page's language too.
  const value = (v: string | number | { fr: string; en: string }) => (typeof v === "string" ? t.dynamic(v) : typeof v === "number" ? v : v[t.locale]);
  const say = (messages: Message[]) => messages.map((m) => (m.params ? t.dynamic(m.key, Object.fromEntries(Object.entries(m.params).map(([name, v]) => [name, value(v)]))) : m.key));
  return { fieldErrors: Object.fromEntries(Object.entries(failure.fieldErrors).map(([field, messages]) => [field, say(messages)])), formErrors: say(failure.formErrors) };
}

/** conform's reply for a refused form: what was typed comes back, each message beside its field. */
export async function replyWithFailure<S>(request: Request, submission: Submission<S>, failure: Failure, options: { hideFields?: string[] } = {}): Promise<SubmissionResult<string[]>> {
  return submission.reply({ ...(await translateFailure(request, failure)), ...options });
}

/** All the messages of a failure as one text (for a form that shows one line, not conform's). */
export async function failureText(request: Request, failure: Failure): Promise<string> {
  const { fieldErrors, formErrors } = await translateFailure(request, failure);
  return [...formErrors, ...Object.values(fieldErrors).flat()].join(" ");
}
