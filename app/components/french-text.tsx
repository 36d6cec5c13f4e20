import type { ReactNode } from "react";
import { localized } from "../i18n/i18n";
import { useT } from "../i18n/use-t";

/**
 * Text a council typed (campaign titles and presentations, project names): written in French,
 * whatever the screen's language, so screen readers must read it as French on English pages.
 */
export function FrenchText({ children }: { children: ReactNode }) {
  return <span lang="fr">{children}</span>;
}

/**
 * A {fr, en} text of a framework in the page's language. A council's own indicator may have no
 * English: the French then shows, marked as French.
 */
export function LocalizedText({ text }: { text: { fr: string; en: string } }) {
  const t = useT();
  if (t.locale !== "fr" && !text[t.locale]) return <span lang="fr">{text.fr}</span>;
  return <>{localized(t.locale, text)}</>;
}
