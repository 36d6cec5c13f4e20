import { en } from "./en";
import { fr } from "./fr";

export const LOCALES = ["fr", "en"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "fr";

import type { DeepStrings } from "./messages/define";

/** The shape every language must fill: English is checked against French at compile time. */
export type Messages = DeepStrings<typeof fr>;

type Paths<T, Prefix extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];
export type MessageKey = Paths<typeof fr>;
export type Params = Record<string, string | number>;

const catalogs: Record<Locale, Messages> = { fr, en };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

function interpolate(template: string, params?: Params, locale: Locale = DEFAULT_LOCALE): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    if (value === undefined) return match;
    return typeof value === "number" ? formatNumber(locale, value) : value;
  });
}

export type Translate = {
  (key: MessageKey, params?: Params): string;
  /** Picks `key.one` or `key.other` with the locale's plural rules and fills {count}. */
  plural: (key: string, count: number, params?: Params) => string;
  /** Translates a key that came as data (e.g. a validation error); unknown text is shown as is. */
  dynamic: (keyOrText: string, params?: Params) => string;
  locale: Locale;
};

export function createTranslator(locale: Locale): Translate {
  const messages = catalogs[locale];
  const rules = new Intl.PluralRules(locale);
  const get = (key: string) => lookup(messages, key) ?? lookup(catalogs[DEFAULT_LOCALE], key);
  const t = ((key: MessageKey, params?: Params) => interpolate(get(key) ?? key, params, locale)) as Translate;
  t.plural = (key, count, params) => {
    const form = rules.select(count) === "one" ? "one" : "other";
    return interpolate(get(`${key}.${form}`) ?? key, { count, ...params }, locale);
  };
  // A key that came as data may name a plural pair: with a numeric {count}, pick its form.
  t.dynamic = (keyOrText, params) => {
    const count = params?.count;
    if (typeof count === "number") {
      const form = get(`${keyOrText}.${rules.select(count) === "one" ? "one" : "other"}`);
      if (form !== undefined) return interpolate(form, params, locale);
    }
    return interpolate(get(keyOrText) ?? keyOrText, params, locale);
  };
  t.locale = locale;
  return t;
}

const intlLocale = (locale: Locale) => (locale === "fr" ? "fr-FR" : "en-GB");

export function formatNumber(locale: Locale, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits }).format(value);
}

export function formatPercent(locale: Locale, ratio: number, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: "percent", maximumFractionDigits }).format(ratio);
}

/** Formats an ISO date or day ("2026-12-03") as « 3 déc. 2026 ». */
export function formatDate(locale: Locale, iso: string, withTime = false): string {
  const date = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    day: "numeric",
    month: "short",
    year: "numeric",
    ...(withTime ? { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" } : { timeZone: "Europe/Paris" }),
  }).format(date);
}

/** Picks the locale's text from a {fr, en} pair (framework files carry both). */
export function localized(locale: Locale, text: { fr: string; en: string }): string {
  return text[locale] || text.fr;
}
