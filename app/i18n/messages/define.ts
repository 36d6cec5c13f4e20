/** The same tree of keys with any string values: what a translation must fill. */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/**
 * One area's texts in both languages, side by side; English must have exactly French's keys.
 * Plug it in with `area: messages.fr` in fr.ts and `area: messages.en` in en.ts.
 */
export function defineMessages<const French>(fr: French, en: DeepStrings<French>) {
  return { fr, en };
}
