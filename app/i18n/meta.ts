import { createTranslator, DEFAULT_LOCALE, isLocale, type Translate } from "./i18n";

/** The translator of a route's `meta` (page titles), in the locale the root loader chose. */
export function metaTranslator(matches: readonly { id: string; data?: unknown }[]): Translate {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return createTranslator(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
}
