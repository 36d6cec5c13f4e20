// The attacker of the masking tests: exact rational elimination (BigInt), independent of the
// masking code (which uses its own row space). Shared by the masking and the results attacks.

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));

/** Reduced rows of the shown figures; inSpan() says whether a figure is a combination of them. */
export function attackerBasis(rows: bigint[][]): { inSpan: (v: bigint[]) => boolean } {
  const basis: { pivot: number; row: bigint[] }[] = [];
  const reduce = (v: bigint[]) => {
    let r = [...v];
    for (const { pivot, row } of basis) {
      const a = r[pivot] ?? 0n;
      if (a === 0n) continue;
      const p = row[pivot] ?? 1n;
      r = r.map((x, i) => x * p - (row[i] ?? 0n) * a);
      const g = r.reduce((acc, x) => gcd(acc, x), 0n);
      if (g > 1n) r = r.map((x) => x / g);
    }
    return r;
  };
  for (const v of rows) {
    const r = reduce(v);
    const pivot = r.findIndex((x) => x !== 0n);
    if (pivot >= 0) basis.push({ pivot, row: r });
  }
  return { inSpan: (v) => reduce(v).every((x) => x === 0n) };
}
