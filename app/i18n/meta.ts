import { createTranslator, DEFAULT_LOCALE, isLocale, type Translate } from "./i18n";

/** The translator of a route's `meta` (page titles), in the locale the root loader chose. */
export function metaTranslator(matches: readonly { id: string; data?: unknown }[]): Translate {
  const root = matches.find((m) => m.id === "root")?.data as { locale?: unknown } | undefined;
  return createTranslator(isLocale(root?.locale) ? root.locale : DEFAULT_LOCALE);
}

type Matches = readonly { id: string; data?: unknown }[];

/** A page's title in its language, then the app's name: « Campagnes — Évaluation partagée ». */
export function titleMeta(matches: Matches, title: (t: Translate) => string) {
  const t = metaTranslator(matches);
  return [{ title: `${title(t)} — ${t("app.name")}` }];
}
