import type { Translate } from "~/i18n/i18n";
import { scaleInWords } from "~/modules/frameworks/scale-words";
import type { Scale } from "../../../evaluation-frameworks/schema";

/**
 * A scale as people read it: its kind and its words (« échelle à 5 niveaux : Non, pas du tout …
 * Oui, tout à fait »). Its id is for files, never shown.
 */
export function scaleName(t: Translate, scale: Scale): string {
  const words = scaleInWords(scale, t.locale);
  return `${t(`frameworks.scales.types.${scale.type}`)}${t("typography.colon")}${t.dynamic(words.key, words.params)}`;
}
