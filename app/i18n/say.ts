import type { Message, MessageParams } from "../modules/failure";
import { createTranslator, type Locale, type Translate } from "./i18n";

/**
 * A message in the page's language, values included: a string value may be a key (unknown text
 * is shown as is), a message value is said the same way, a text in both languages is picked.
 */
export function say(t: Translate, message: Message): string {
  return message.params ? t.dynamic(message.key, Object.fromEntries(Object.entries(message.params).map(([name, value]) => [name, sayValue(t, value)]))) : t.dynamic(message.key);
}

function sayValue(t: Translate, value: MessageParams[string]): string | number {
  if (typeof value === "string") return t.dynamic(value);
  if (typeof value === "number") return value;
  return "key" in value ? say(t, value) : value[t.locale];
}

/** The same outside a page (the `frameworks:check` command, start-up errors, tests). */
export function sayIn(locale: Locale, message: Message): string {
  return say(createTranslator(locale), message);
}
