import { localized, type Translate } from "../../i18n/i18n";
import { choiceValues, DONT_KNOW, type Scale } from "./questions";

/** What a stored value reads as for a person: « Plutôt d'accord », « Oui », « 7 », an option… */
export function valueLabel(scale: Scale, value: string, t: Translate): string {
  if (value === DONT_KNOW) return t("survey.dontKnow");
  switch (scale.type) {
    case "likert": {
      const label = scale.labels[Number(value) - 1];
      return label ? localized(t.locale, label) : value;
    }
    case "yes_no":
      return value === "yes" ? t("survey.yes") : t("survey.no");
    case "choice": {
      const labelOf = (v: string) => {
        const option = scale.options.find((o) => o.value === v);
        return option ? localized(t.locale, option.label) : v;
      };
      return value.startsWith("[") ? choiceValues(value).map(labelOf).join(", ") : labelOf(value);
    }
    case "number":
      return `${value} ${localized(t.locale, scale.unit)}`;
    default:
      return value;
  }
}

/**
 * An end of a 0–10 scale without its number: the hint writes « 0 : pas du tout » itself, and
 * frameworks often put the number in the label already (« 0 : pas du tout »).
 */
export function ratingEndLabel(value: number, label: string): string {
  return label.replace(new RegExp(`^\\s*${value}\\s*[:=]\\s*`), "");
}
