/**
 * Small-group suppression of one margin (DESIGN.md §4), for the callers that show parts (e.g.
 * stakeholder groups) next to their total. Delegates to masking.ts: a part nobody answered
 * hides nothing and is not a hidden part, and the hidden parts together reach k.
 */
import { figureKey, maskTable } from "./masking";

export type Part = { id: string; n: number };

export function suppressedParts(parts: readonly Part[], k: number, totalShown: boolean): Set<string> {
  const decision = maskTable({ dimensions: ["part"], cells: parts.map((p) => ({ coords: { part: p.id }, n: p.n, respondents: p.n })), margins: totalShown ? [["part"], []] : [["part"]] }, k);
  return new Set(parts.filter((p) => decision.hidden.has(figureKey(["part"], { part: p.id }))).map((p) => p.id));
}

/** A figure can be shown only when it is about at least k people. */
export function isShown(n: number, k: number): boolean {
  return n >= k;
}
