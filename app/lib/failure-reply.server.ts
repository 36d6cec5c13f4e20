import type { Submission, SubmissionResult } from "@conform-to/react";
import { createTranslator } from "../i18n/i18n";
import { getLocale } from "../i18n/locale.server";
import { say } from "../i18n/say";
import type { Failure, Message } from "../modules/failure";

/**
 * The one place a module's Failure becomes what a page shows, as conform's field and form
 * errors: a message with values ({count}, a state) is put in the page's language here; one
 * without travels as its key, which the page translates (FieldErrors, FormErrorSummary).
 */
export async function translateFailure(request: Request, failure: Failure): Promise<{ fieldErrors: Record<string, string[]>; formErrors: string[] }> {
  const t = createTranslator(await getLocale(request));
  // A message without values travels as its key; with values, it (and each value) is said here.
  const sayAll = (messages: Message[]) => messages.map((m) => (m.params ? say(t, m) : m.key));
  return { fieldErrors: Object.fromEntries(Object.entries(failure.fieldErrors).map(([field, messages]) => [field, sayAll(messages)])), formErrors: sayAll(failure.formErrors) };
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
