/**
 * What an attacker can compute by adding and subtracting shown figures: the linear span of
 * their cell vectors. A figure is a sum of cells, so it is recoverable from shown figures
 * exactly when its 0/1 cell vector lies in their span. Vectors are sparse sets of cell indices;
 * elimination is in floating point with small integer entries, so a tolerance is safe.
 */
const TOLERANCE = 1e-9;

export class RowSpace {
  private readonly rows: { pivot: number; values: Map<number, number> }[] = [];

  constructor(private readonly size: number) {}

  /** Adds a figure (its set of cell indices); returns true when it widened the span. */
  add(cells: Iterable<number>): boolean {
    const reduced = this.reduce(toVector(cells));
    let pivot = -1;
    let pivotValue = 0;
    for (const [index, value] of reduced) {
      if (Math.abs(value) > TOLERANCE && (pivot === -1 || index < pivot)) {
        pivot = index;
        pivotValue = value;
      }
    }
    if (pivot === -1) return false;
    for (const [index, value] of reduced) reduced.set(index, value / pivotValue);
    // Keep the basis fully reduced so that reduce() is one pass.
    for (const row of this.rows) {
      const factor = row.values.get(pivot);
      if (factor !== undefined && Math.abs(factor) > TOLERANCE) subtractScaled(row.values, reduced, factor);
    }
    this.rows.push({ pivot, values: reduced });
    return true;
  }

  /** True when the figure made of these cells can be computed from the figures added. */
  contains(cells: Iterable<number>): boolean {
    for (const value of this.reduce(toVector(cells)).values()) if (Math.abs(value) > TOLERANCE) return false;
    return true;
  }

  get rank(): number {
    return this.rows.length;
  }

  get dimension(): number {
    return this.size;
  }

  private reduce(vector: Map<number, number>): Map<number, number> {
    for (const row of this.rows) {
      const factor = vector.get(row.pivot);
      if (factor !== undefined && Math.abs(factor) > TOLERANCE) subtractScaled(vector, row.values, factor);
    }
    return vector;
  }
}

function toVector(cells: Iterable<number>): Map<number, number> {
  const vector = new Map<number, number>();
  for (const cell of cells) vector.set(cell, 1);
  return vector;
}

function subtractScaled(target: Map<number, number>, row: ReadonlyMap<number, number>, factor: number): void {
  for (const [index, value] of row) {
    const next = (target.get(index) ?? 0) - factor * value;
    if (Math.abs(next) > TOLERANCE) target.set(index, next);
    else target.delete(index);
  }
}
