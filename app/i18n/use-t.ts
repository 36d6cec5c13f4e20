import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { createTranslator, DEFAULT_LOCALE, type Locale, type Translate } from "./i18n";

/** The page's translator, from the locale the root loader chose. */
export function useT(): Translate {
  const data = useRouteLoaderData("root") as { locale?: Locale } | undefined;
  const locale = data?.locale ?? DEFAULT_LOCALE;
  return useMemo(() => createTranslator(locale), [locale]);
}
