import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { attackerBasis } from "../../../tests/helpers/attacker";
import { ALL, type Figure, type MaskDecision, type Table, type TableCell, figureKey, maskTable, maskedValue } from "./masking";

const groupsTable = (groups: Record<string, [n: number, dontKnow: number]>): Table => ({
  dimensions: ["group"],
  cells: Object.entries(groups).map(([group, [n, dontKnow]]) => ({ coords: { group }, n, respondents: n + dontKnow })),
  margins: [["group"], []],
});
const hiddenOf = (decision: MaskDecision) => Object.fromEntries(decision.hidden);
const TOTAL = "group=*";

describe("masking of a group margin", () => {
  it("hides a small group and the next smallest one, so total − shown groups does not give it back", () => {
    // total 21 − residents 12 − associations 7 = council 2: associations must go too.
    const decision = maskTable(groupsTable({ residents: [12, 0], council: [2, 0], associations: [7, 0] }), 5);
    expect(hiddenOf(decision)).toEqual({ "group=council": "smallGroup", "group=associations": "protectsAnotherGroup" });
  });

  it("does not count a group nobody answered as a hidden part (the hole measured on the first results page)", () => {
    // Before: employers (0) and council (2) were « two hidden parts », so 21 − 12 − 7 gave council back.
    const decision = maskTable(groupsTable({ residents: [12, 0], council: [2, 0], associations: [7, 0], employers: [0, 0] }), 5);
    expect(hiddenOf(decision)).toEqual({ "group=council": "smallGroup", "group=associations": "protectsAnotherGroup" });
  });

  it("counts substantive answers only: 6 people of whom 4 said « je ne sais pas » are a small group", () => {
    const decision = maskTable(groupsTable({ residents: [20, 1], council: [2, 4], associations: [9, 0] }), 5);
    expect(decision.hidden.get("group=council")).toBe("smallGroup");
  });

  it("hides one more group when the hidden groups together stay under k", () => {
    // 1 + 2 = 3 < 5 answers: total − c would describe 3 people, so c is hidden too.
    const decision = maskTable(groupsTable({ a: [1, 0], b: [2, 0], c: [30, 0] }), 5);
    expect(hiddenOf(decision)).toEqual({ "group=a": "smallGroup", "group=b": "smallGroup", "group=c": "protectsAnotherGroup" });
  });

  it("keeps the total when the hidden groups together reach k, since neither can be told apart", () => {
    const decision = maskTable(groupsTable({ a: [3, 0], b: [40, 0] }), 5);
    expect(decision.hidden.get("group=b")).toBe("protectsAnotherGroup");
    expect(decision.hidden.has(TOTAL)).toBe(false);
  });

  it("hides nothing when every group reaches k, and nothing for groups nobody answered", () => {
    expect(maskTable(groupsTable({ a: [5, 0], b: [9, 2], c: [0, 0] }), 5).hidden.size).toBe(0);
    expect(maskTable(groupsTable({}), 5).hidden.size).toBe(0);
  });

  it("removes the figures of a hidden cell and keeps only why", () => {
    const decision = maskTable(groupsTable({ a: [2, 0], b: [9, 0], c: [8, 0] }), 5);
    expect(maskedValue(decision, "group=a", { n: 2, mean: 4 })).toEqual({ hidden: true, reason: "smallGroup" });
    expect(maskedValue(decision, "group=c", { n: 8, mean: 3 })).toEqual({ hidden: true, reason: "protectsAnotherGroup" });
    expect(maskedValue(decision, "group=b", { n: 9, mean: 3 })).toEqual({ hidden: false, n: 9, mean: 3 });
  });

  it("catches a recovery through several margins at once (two hidden blocks joined by one cell)", () => {
    // 4×4 group × source cells, all margins shown. Hidden: the blocks {r1,r2}×{s1,s2} and
    // {r3,r4}×{s3,s4} plus (r2,s3): rows r1+r2 − columns s1+s2 = (r2,s3) alone. Every row and
    // column has two hidden cells, so only the exact check sees it.
    const small = new Set(["r1s1", "r1s2", "r2s1", "r2s2", "r2s3", "r3s3", "r3s4", "r4s3", "r4s4"]);
    const cells: TableCell[] = [];
    for (const g of ["r1", "r2", "r3", "r4"]) for (const s of ["s1", "s2", "s3", "s4"]) cells.push({ coords: { group: g, source: s }, n: small.has(g + s) ? 3 : 50, respondents: small.has(g + s) ? 3 : 50 });
    const table: Table = { dimensions: ["group", "source"], cells, margins: [["group", "source"], ["group"], ["source"], []] };
    expect(canRecoverAHiddenFigure(table, maskTable(table, 5))).toBe(false);
  });
});

// ——— The attacker: exact rational elimination (BigInt), independent of the masking code. ———

function cellVector(f: Figure, size: number): bigint[] {
  const v = Array.from({ length: size }, () => 0n);
  for (const c of f.cells) v[c] = 1n;
  return v;
}

function canRecoverAHiddenFigure(table: Table, decision: MaskDecision): boolean {
  const size = table.cells.length;
  const shown = decision.figures.filter((f) => !decision.hidden.has(f.key)).map((f) => cellVector(f, size));
  const attacker = attackerBasis(shown);
  return decision.figures.some((f) => decision.hidden.has(f.key) && f.cells.length > 0 && attacker.inSpan(cellVector(f, size)));
}

const DIMENSIONS = ["group", "source", "project"] as const;
const arbitraryTable = fc
  .record({
    sizes: fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 2 })),
    margins: fc.subarray([[], ["group"], ["source"], ["project"], ["group", "source"], ["group", "project"], ["source", "project"], ["group", "source", "project"]], { minLength: 1 }),
    answers: fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 3 }), fc.boolean()), { minLength: 24, maxLength: 24 }),
    k: fc.integer({ min: 3, max: 8 }),
  })
  .map(({ sizes, margins, answers, k }) => {
    const cells: TableCell[] = [];
    let i = 0;
    for (let g = 0; g < sizes[0]; g++)
      for (let s = 0; s < sizes[1]; s++)
        for (let p = 0; p < sizes[2]; p++) {
          const [n, dontKnow, empty] = answers[i++] ?? [0, 0, true];
          // Small counts are frequent on purpose: many cells fall under k.
          const small = empty ? 0 : n;
          cells.push({ coords: { group: `g${g}`, source: `s${s}`, project: `p${p}` }, n: small, respondents: small + (empty ? 0 : dontKnow) });
        }
    return { table: { dimensions: DIMENSIONS, cells, margins } satisfies Table, k };
  });

describe("masking attacked with random tables", () => {
  it("never leaves a hidden figure recoverable from the shown ones, along any margin or through several", () => {
    fc.assert(
      fc.property(arbitraryTable, ({ table, k }) => !canRecoverAHiddenFigure(table, maskTable(table, k))),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it("shows only figures with at least k substantive answers, or figures nobody answered", () => {
    fc.assert(
      fc.property(arbitraryTable, ({ table, k }) => {
        const decision = maskTable(table, k);
        return decision.figures.every((f) => decision.hidden.has(f.key) || f.n >= k || f.respondents === 0);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("keeps the hidden parts of every shown total at two or more and together at k or more", () => {
    fc.assert(
      fc.property(arbitraryTable, ({ table, k }) => {
        const decision = maskTable(table, k);
        const byKey = new Map(decision.figures.map((f) => [f.key, f]));
        return decision.figures.every((total) => {
          if (decision.hidden.has(total.key)) return true;
          // The parts of this total along one more dimension, in each shown finer margin.
          return DIMENSIONS.filter((d) => total.coords[d] === ALL).every((d) => {
            const parts = [...byKey.values()].filter((f) => f.coords[d] !== ALL && DIMENSIONS.every((e) => e === d || f.coords[e] === total.coords[e]));
            const hidden = parts.filter((p) => p.respondents > 0 && decision.hidden.has(p.key));
            return hidden.length === 0 || (hidden.length >= 2 && hidden.reduce((s, p) => s + p.n, 0) >= k);
          });
        });
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it("decides the same for every figure when groups nobody answered are added", () => {
    fc.assert(
      fc.property(arbitraryTable, fc.integer({ min: 1, max: 3 }), ({ table, k }, extra) => {
        const zeros: TableCell[] = [];
        for (let z = 0; z < extra; z++) for (const c of table.cells) zeros.push({ coords: { ...c.coords, group: `zero${z}` }, n: 0, respondents: 0 });
        const before = maskTable(table, k);
        const after = maskTable({ ...table, cells: [...table.cells, ...zeros] }, k);
        const zeroKeys = new Set(after.figures.filter((f) => String(f.coords.group).startsWith("zero")).map((f) => f.key));
        const afterHidden = [...after.hidden.keys()].filter((key) => !zeroKeys.has(key)).sort();
        return JSON.stringify(afterHidden) === JSON.stringify([...before.hidden.keys()].sort()) && [...zeroKeys].every((key) => !after.hidden.has(key));
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it("names each figure by its coordinates, with * for a summed dimension", () => {
    expect(figureKey(DIMENSIONS, { group: "residents" })).toBe("group=residents|source=*|project=*");
  });
});
