// The one shape of an expected failure (a refused form, a wrong state), for every area: what
// conform shows, as i18n keys with their values. Unexpected failures throw instead; "not found"
// and "not yours" throw a 404. app/lib/failure-reply.server.ts turns it into a route's reply.

/**
 * The values a message names ({count}, {line}…). A string may itself be a key (a state's name);
 * a message may hold another (a framework check inside « À l'emplacement … ») ; a text in both
 * languages (an indicator's name) is said in the page's language.
 */
export type MessageParams = { [name: string]: string | number | { fr: string; en: string } | Message };

/** A message for a person: an i18n key and the values it names. */
export type Message = { key: string; params?: MessageParams };

export type Failure = { ok: false; fieldErrors: Record<string, Message[]>; formErrors: Message[] };

/** `{ ok: true, …value }` or the failure that says what to fix. */
export type Result<T extends object = object> = ({ ok: true } & T) | Failure;

/** A failure about one field of the form. */
export function fieldFailure(field: string, key: string, params?: MessageParams): Failure {
  return { ok: false, fieldErrors: { [field]: [{ key, params }] }, formErrors: [] };
}

/** A failure about the whole form (a state, a refusal that concerns no one field). */
export function formFailure(key: string, params?: MessageParams): Failure {
  return { ok: false, fieldErrors: {}, formErrors: [{ key, params }] };
}

/** Collects field messages; `failure()` is null while none was added. */
export function failureCollector() {
  const fieldErrors: Record<string, Message[]> = {};
  return {
    add(field: string, key: string, params?: MessageParams) {
      (fieldErrors[field] ??= []).push({ key, params });
    },
    failure(): Failure | null {
      return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors, formErrors: [] } : null;
    },
  };
}
