import type { ResponseSource } from "../../../db/schema";

export type Cell = { projectId: string; indicatorId: string; groupId: string; source: ResponseSource; value: string; count: number };
export type CellDifference = Omit<Cell, "count"> & { stored: number; recomputed: number };

const keyOf = (c: Omit<Cell, "count">) => JSON.stringify([c.projectId, c.indicatorId, c.groupId, c.source, c.value]);

function sum(cells: readonly Cell[]): Map<string, Cell> {
  const totals = new Map<string, Cell>();
  for (const c of cells) {
    const key = keyOf(c);
    const total = totals.get(key);
    if (total) total.count += c.count;
    else totals.set(key, { ...c });
  }
  return totals;
}

/**
 * Every cell whose stored count differs from the recomputed one (a missing cell counts 0; a
 * stored cell of 0 equals a missing one), sorted so two runs print the same list.
 */
export function diffCells(stored: readonly Cell[], recomputed: readonly Cell[]): CellDifference[] {
  const a = sum(stored);
  const b = sum(recomputed);
  const differences: CellDifference[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const cell = (a.get(key) ?? b.get(key))!;
    const s = a.get(key)?.count ?? 0;
    const r = b.get(key)?.count ?? 0;
    if (s !== r) differences.push({ projectId: cell.projectId, indicatorId: cell.indicatorId, groupId: cell.groupId, source: cell.source, value: cell.value, stored: s, recomputed: r });
  }
  return differences.sort((x, y) => keyOf(x).localeCompare(keyOf(y)));
}
