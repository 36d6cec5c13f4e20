/**
 * What an attacker can compute by adding and subtracting shown figures: the linear span of
 * their cell vectors. A figure is a sum of cells, so it is recoverable from shown figures
 * exactly when its 0/1 cell vector lies in their span. Figures come as sets of cell indices;
 * elimination is dense, in floating point with small integer entries, so a tolerance is safe.
 */
const TOLERANCE = 1e-9;

export class RowSpace {
  // Dense rows, fully reduced (each pivot column is zero in every other row).
  private readonly rows: { pivot: number; values: Float64Array }[] = [];

  constructor(private readonly size: number) {}

  /** Adds a figure (its set of cell indices); returns true when it widened the span. */
  add(cells: Iterable<number>): boolean {
    const reduced = this.reduce(this.toVector(cells));
    const pivot = reduced.findIndex((v) => Math.abs(v) > TOLERANCE);
    if (pivot === -1) return false;
    const pivotValue = reduced[pivot] ?? 1;
    for (let i = 0; i < reduced.length; i++) reduced[i] = (reduced[i] ?? 0) / pivotValue;
    for (const row of this.rows) {
      const factor = row.values[pivot] ?? 0;
      if (Math.abs(factor) > TOLERANCE) subtractScaled(row.values, reduced, factor);
    }
    this.rows.push({ pivot, values: reduced });
    return true;
  }

  /** True when the figure made of these cells can be computed from the figures added. */
  contains(cells: Iterable<number>): boolean {
    return this.reduce(this.toVector(cells)).every((v) => Math.abs(v) <= TOLERANCE);
  }

  get rank(): number {
    return this.rows.length;
  }

  private toVector(cells: Iterable<number>): Float64Array {
    const vector = new Float64Array(this.size);
    for (const cell of cells) vector[cell] = 1;
    return vector;
  }

  private reduce(vector: Float64Array): Float64Array {
    for (const row of this.rows) {
      const factor = vector[row.pivot] ?? 0;
      if (Math.abs(factor) > TOLERANCE) subtractScaled(vector, row.values, factor);
    }
    return vector;
  }
}

function subtractScaled(target: Float64Array, row: Float64Array, factor: number): void {
  for (let i = 0; i < target.length; i++) {
    const next = (target[i] ?? 0) - factor * (row[i] ?? 0);
    target[i] = Math.abs(next) > TOLERANCE ? next : 0;
  }
}
