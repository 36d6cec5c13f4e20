/**
 * Small-group suppression (DESIGN.md §4). A figure about fewer than k respondents is hidden,
 * and so is any figure from which a hidden one could be recomputed: when a total is shown
 * next to its parts, hiding a single part is not enough (total − the others gives it back), so
 * the smallest other part is hidden too.
 */
export type Part = { id: string; n: number };

export function suppressedParts(parts: readonly Part[], k: number, totalShown: boolean): Set<string> {
  const hidden = new Set(parts.filter((p) => p.n < k).map((p) => p.id));
  const visible = parts.filter((p) => !hidden.has(p.id)).sort((a, b) => a.n - b.n || a.id.localeCompare(b.id));
  if (totalShown && hidden.size === 1 && visible.length > 0) hidden.add(visible[0].id);
  return hidden;
}

/** A figure can be shown only when it is about at least k people. */
export function isShown(n: number, k: number): boolean {
  return n >= k;
}
