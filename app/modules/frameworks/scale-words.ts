// A scale said in words for the framework page (« Non, pas du tout … Oui, tout à fait »), as an
// i18n key and its parameters: the page translates, this stays pure and testable.
import type { Locale } from "../../i18n/i18n";
import type { Scale } from "../../../evaluation-frameworks/schema";

export type Words = { key: string; params: Record<string, string | number> };

// A Likert scale without labels (refused by the rules, yet typed as possible) reads as nothing.
const text = (locale: Locale, value: { fr: string; en: string } | undefined) => (value ? value[locale] || value.fr : "");

/** French guillemets in French, curly quotes in English. */
const quote = (locale: Locale, value: string) => (locale === "fr" ? `« ${value} »` : `“${value}”`);

export function scaleInWords(scale: Scale, locale: Locale): Words {
  switch (scale.type) {
    case "likert":
      return { key: "frameworks.scales.likert", params: { first: text(locale, scale.labels.at(0)), last: text(locale, scale.labels.at(-1)) } };
    case "rating":
      return { key: "frameworks.scales.rating", params: { min: text(locale, scale.minLabel), max: text(locale, scale.maxLabel) } };
    case "yes_no":
      return { key: "frameworks.scales.yes_no", params: {} };
    case "choice":
      return { key: scale.multiple ? "frameworks.scales.choiceMultiple" : "frameworks.scales.choice", params: { options: scale.options.map((o) => quote(locale, text(locale, o.label))).join(", ") } };
    case "number":
      return { key: "frameworks.scales.number", params: { unit: text(locale, scale.unit), min: scale.min, max: scale.max } };
    case "text":
      return { key: "frameworks.scales.text", params: { max: scale.maxLength } };
  }
}
