import { ANSWERED, DONT_KNOW, type Scale } from "../surveys/questions";

export type Counts = ReadonlyMap<string, number>;
export type Distribution = { value: string; count: number }[];
export type Summary = { n: number; dontKnow: number; answeredN: number; distribution: Distribution; mean: number | null };

/** The values a scale can take, in display order (low → high). */
export function scaleValues(scale: Scale): string[] {
  switch (scale.type) {
    case "likert":
      return Array.from({ length: scale.points }, (_, i) => String(i + 1));
    case "rating":
      return Array.from({ length: scale.max - scale.min + 1 }, (_, i) => String(scale.min + i));
    case "yes_no":
      return ["yes", "no"];
    case "choice":
      return scale.options.map((o) => o.value);
    case "number":
    case "text":
      return [];
  }
}

/** Exact figures from the counts of one question (DESIGN.md §6); « je ne sais pas » is never averaged. */
export function summarize(scale: Scale, counts: Counts): Summary {
  const n = counts.get(ANSWERED) ?? 0;
  const dontKnow = counts.get(DONT_KNOW) ?? 0;
  const known = scaleValues(scale);
  const values = known.length > 0 ? known : [...counts.keys()].filter((v) => v !== ANSWERED && v !== DONT_KNOW).sort((a, b) => Number(a) - Number(b));
  const distribution = values.map((value) => ({ value, count: counts.get(value) ?? 0 }));
  const numeric = scale.type === "likert" || scale.type === "rating" || scale.type === "number";
  let mean: number | null = null;
  if (numeric) {
    const total = distribution.reduce((sum, d) => sum + d.count, 0);
    mean = total > 0 ? distribution.reduce((sum, d) => sum + Number(d.value) * d.count, 0) / total : null;
  }
  return { n, dontKnow, answeredN: n - dontKnow, distribution, mean };
}

/** Adds up the counts of several groups or sources. */
export function mergeCounts(parts: Iterable<Counts>): Map<string, number> {
  const merged = new Map<string, number>();
  for (const part of parts) for (const [value, count] of part) merged.set(value, (merged.get(value) ?? 0) + count);
  return merged;
}
