// Ids of new things (indicators, dimensions, forked frameworks) are derived from what people
// typed, so a file stays readable: « Accès à l'emploi de qualité » → acces_a_l_emploi_de_qualite.
// An id, once given, never changes: campaigns of different years compare on it.
import { ID_PATTERN } from "../../../evaluation-frameworks/rules";

const MAX_LENGTH = 48;

/** Lowercase ASCII words joined by `separator`, starting with a letter; `fallback` when nothing is left. */
export function slugify(text: string, separator: "_" | "-" = "_", fallback = "element"): string {
  const words = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}${separator}${word}` : word;
    if (next.length > MAX_LENGTH) break;
    slug = next;
  }
  slug = slug.replace(/^[^a-z]+/, "");
  return ID_PATTERN.test(slug) ? slug : fallback;
}

/** `base`, or `base_2`, `base_3`… : the first one not already taken. */
export function uniqueId(base: string, taken: Iterable<string>, separator: "_" | "-" = "_"): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${separator}${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
