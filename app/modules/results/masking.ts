/**
 * Small-group masking that holds (DESIGN.md §4), for one table of figures: the finest cells
 * (e.g. stakeholder group × source × project for one indicator) and the margins shown from
 * them (per group, per source, per project, the campaign total…). Decides which figures are
 * hidden so that:
 * - no shown figure rests on fewer than k substantive answers (« je ne sais pas » not counted);
 * - a figure nobody answered hides nothing and never counts as a hidden part;
 * - along every shown margin, the hidden parts are at least two and together reach k, else the
 *   next smallest shown part is hidden too (or, with none left, the margin's total);
 * - no hidden figure can be recomputed by adding and subtracting shown figures, checked
 *   exactly on the span of the shown figures (row-space.ts), which also catches recoveries
 *   that go through several margins at once.
 * Its cost grows with the number of figures (the exact check is an elimination over them), never
 * with the number of responses: about 1 ms for 4 groups × 3 sources × 3 projects with every
 * margin, a few hundred ms for 6 × 3 × 10.
 * What it does not protect against is written in the README (« Comment les résultats sont
 * calculés »).
 */
import { RowSpace } from "./row-space";

export const HIDDEN_REASONS = ["smallGroup", "protectsAnotherGroup"] as const;
export type HiddenReason = (typeof HIDDEN_REASONS)[number];
/** What a hidden figure carries: nothing but why it is hidden. */
export type Hidden = { hidden: true; reason: HiddenReason };
export type Masked<T> = ({ hidden: false } & T) | Hidden;

/** The placeholder of a summed-over dimension in a figure's coordinates. */
export const ALL = "*";

/** One finest cell: its coordinates (one value per dimension), substantive answers and everyone who answered. */
export type TableCell = { coords: Readonly<Record<string, string>>; n: number; respondents: number };

/**
 * A table: its dimensions, its finest cells, and the margins shown, each the list of
 * dimensions it keeps ([] = the total; every dimension = the cells themselves).
 */
export type Table = { dimensions: readonly string[]; cells: readonly TableCell[]; margins: readonly (readonly string[])[] };

export type Figure = { key: string; coords: Readonly<Record<string, string>>; n: number; respondents: number; cells: readonly number[] };

export type MaskDecision = { figures: readonly Figure[]; hidden: ReadonlyMap<string, HiddenReason> };

/** The key of a figure: every dimension's value, or ALL where it is summed over. */
export function figureKey(dimensions: readonly string[], coords: Readonly<Record<string, string>>): string {
  return dimensions.map((d) => `${d}=${coords[d] ?? ALL}`).join("|");
}

/** The threshold of one indicator: its framework minN when larger than the campaign's k. */
export function thresholdFor(k: number, minN?: number): number {
  return Math.max(k, minN ?? 0);
}

/** The threshold for free text: the framework's kFreeText, never below k. */
export function freeTextThreshold(privacy: { k: number; kFreeText: number }): number {
  return Math.max(privacy.k, privacy.kFreeText);
}

type Relation = { total: Figure; parts: Figure[] };

/** Every figure of every shown margin, with the cells it adds up. */
export function tableFigures(table: Table): Figure[] {
  const figures = new Map<string, { key: string; coords: Record<string, string>; n: number; respondents: number; cells: number[] }>();
  for (const margin of uniqueMargins(table)) {
    table.cells.forEach((cell, index) => {
      const coords: Record<string, string> = {};
      for (const d of table.dimensions) coords[d] = margin.includes(d) ? (cell.coords[d] ?? ALL) : ALL;
      const key = figureKey(table.dimensions, coords);
      const figure = figures.get(key) ?? { key, coords, n: 0, respondents: 0, cells: [] };
      figure.n += cell.n;
      figure.respondents += cell.respondents;
      if (cell.respondents > 0) figure.cells.push(index);
      figures.set(key, figure);
    });
  }
  return [...figures.values()];
}

function uniqueMargins(table: Table): string[][] {
  const seen = new Map<string, string[]>();
  for (const margin of table.margins) {
    const kept = table.dimensions.filter((d) => margin.includes(d));
    seen.set(kept.join("|"), kept);
  }
  return [...seen.values()];
}

/** Each shown figure with the finer shown figures it is the sum of (one relation per pair of nested margins). */
function tableRelations(table: Table, figures: readonly Figure[]): Relation[] {
  const margins = uniqueMargins(table);
  const byMargin = new Map(margins.map((m) => [m.join("|"), figures.filter((f) => table.dimensions.every((d) => (f.coords[d] !== ALL) === m.includes(d)))]));
  const relations: Relation[] = [];
  for (const coarse of margins) {
    for (const fine of margins) {
      if (fine.length <= coarse.length || !coarse.every((d) => fine.includes(d))) continue;
      for (const total of byMargin.get(coarse.join("|")) ?? []) {
        const parts = (byMargin.get(fine.join("|")) ?? []).filter((f) => coarse.every((d) => f.coords[d] === total.coords[d]));
        relations.push({ total, parts });
      }
    }
  }
  return relations;
}

/** Decides which figures of a table are hidden for threshold k (see the file comment). */
export function maskTable(table: Table, k: number): MaskDecision {
  const figures = tableFigures(table);
  const relations = tableRelations(table, figures);
  const hidden = new Map<string, HiddenReason>();
  for (const f of figures) if (f.respondents > 0 && f.n < k) hidden.set(f.key, "smallGroup");
  const isVisible = (f: Figure) => !hidden.has(f.key);
  const bySize = (a: Figure, b: Figure) => a.n - b.n || a.key.localeCompare(b.key);

  for (;;) {
    const margin = firstWeakMargin(relations, hidden, k);
    if (margin) {
      const next = margin.parts.filter((p) => p.respondents > 0 && isVisible(p)).sort(bySize)[0] ?? margin.total;
      hidden.set(next.key, "protectsAnotherGroup");
      continue;
    }
    const protector = protectorOfRecoverable(table.cells.length, figures, hidden, bySize);
    if (!protector) break;
    hidden.set(protector.key, "protectsAnotherGroup");
  }
  return { figures, hidden };
}

/** A relation whose total is shown while its hidden parts are a single one or fewer than k answers together. */
function firstWeakMargin(relations: readonly Relation[], hidden: ReadonlyMap<string, HiddenReason>, k: number): Relation | undefined {
  return relations.find(({ total, parts }) => {
    if (hidden.has(total.key)) return false;
    const hiddenParts = parts.filter((p) => p.respondents > 0 && hidden.has(p.key));
    if (hiddenParts.length === 0) return false;
    const hiddenN = hiddenParts.reduce((sum, p) => sum + p.n, 0);
    return hiddenParts.length === 1 || hiddenN < k;
  });
}

function shownSpace(size: number, figures: readonly Figure[], hidden: ReadonlyMap<string, HiddenReason>, without?: Figure): RowSpace {
  const space = new RowSpace(size);
  for (const f of figures) if (!hidden.has(f.key) && f !== without && f.cells.length > 0) space.add(f.cells);
  return space;
}

/**
 * When a hidden figure can be recomputed from the shown ones through several margins at once,
 * the smallest shown figure whose hiding stops that (trying those that share a cell with it
 * first); undefined when nothing hidden is recoverable.
 */
function protectorOfRecoverable(size: number, figures: readonly Figure[], hidden: ReadonlyMap<string, HiddenReason>, bySize: (a: Figure, b: Figure) => number): Figure | undefined {
  const space = shownSpace(size, figures, hidden);
  const leaked = figures.find((f) => hidden.has(f.key) && f.cells.length > 0 && space.contains(f.cells));
  if (!leaked) return undefined;
  // Hiding a figure that shares no cell with the leaked one rarely helps: try those that do.
  const leakedCells = new Set(leaked.cells);
  const visible = figures.filter((f) => !hidden.has(f.key) && f.cells.length > 0).sort(bySize);
  const sharing = visible.filter((f) => overlaps(f, leakedCells));
  const candidates = sharing.length > 0 ? sharing : visible;
  return candidates.find((c) => !shownSpace(size, figures, hidden, c).contains(leaked.cells)) ?? candidates[0];
}

function overlaps(figure: Figure, cells: ReadonlySet<number>): boolean {
  return figure.cells.some((c) => cells.has(c));
}

/** The masked form of a figure's value: the value when shown, only the reason when hidden. */
export function maskedValue<T extends object>(decision: MaskDecision, key: string, value: T): Masked<T> {
  const reason = decision.hidden.get(key);
  return reason ? { hidden: true, reason } : { hidden: false, ...value };
}

/** True when the figure with this key is shown. */
export function isFigureShown(decision: MaskDecision, key: string): boolean {
  return !decision.hidden.has(key);
}
