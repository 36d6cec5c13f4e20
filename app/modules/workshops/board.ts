import type { Framework } from "../../../evaluation-frameworks/schema";
import { DONT_KNOW } from "../surveys/questions";
import { scaleValues } from "../results/summary";

type Scale = Framework["scales"][number];

/** What a phone can vote in a room: the closed scales, one answer (plus « Je ne sais pas »). */
export function voteOptions(scale: Scale): string[] | null {
  if (scale.type === "number" || scale.type === "text" || (scale.type === "choice" && scale.multiple)) return null;
  return scaleValues(scale);
}

export function isValidVote(scale: Scale, value: string): boolean {
  return value === DONT_KNOW || (voteOptions(scale)?.includes(value) ?? false);
}

export type BoardDistribution =
  | { isShown: true; counts: { value: string; count: number }[] }
  | { isShown: false; missing: number };

/**
 * The distribution the room sees together, only once at least k people gave a substantive
 * answer: below that, one vote could be read off the board by someone who knows the others'.
 */
export function boardDistribution(options: readonly string[], tally: ReadonlyMap<string, number>, k: number): BoardDistribution {
  const substantive = options.reduce((sum, v) => sum + (tally.get(v) ?? 0), 0);
  if (substantive < k) return { isShown: false, missing: k - substantive };
  return { isShown: true, counts: [...options, DONT_KNOW].map((value) => ({ value, count: tally.get(value) ?? 0 })) };
}
