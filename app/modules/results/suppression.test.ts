import { describe, expect, it } from "vitest";
import { suppressedParts } from "./suppression";

describe("small-group suppression", () => {
  it("hides a group of fewer than k respondents", () => {
    expect([...suppressedParts([{ id: "residents", n: 12 }, { id: "council", n: 2 }, { id: "associations", n: 7 }], 5, false)]).toEqual(["council"]);
  });

  it("also hides the smallest other group when a total would give the hidden one back", () => {
    // total 21 − residents 12 − associations 7 = council 2: associations must go too.
    const hidden = suppressedParts([{ id: "residents", n: 12 }, { id: "council", n: 2 }, { id: "associations", n: 7 }], 5, true);
    expect([...hidden].sort()).toEqual(["associations", "council"]);
  });

  it("hides one more group when the two hidden ones together stay under k", () => {
    // Before, a and b were « already two hidden »: total 33 − c 30 = 3 answers from a and b together.
    const hidden = suppressedParts([{ id: "a", n: 1 }, { id: "b", n: 2 }, { id: "c", n: 30 }], 5, true);
    expect([...hidden].sort()).toEqual(["a", "b", "c"]);
  });

  it("does not count a group nobody answered as the second hidden part", () => {
    const hidden = suppressedParts([{ id: "residents", n: 12 }, { id: "council", n: 2 }, { id: "associations", n: 7 }, { id: "employers", n: 0 }], 5, true);
    expect([...hidden].sort()).toEqual(["associations", "council"]);
  });

  it("hides nothing when every group reaches k", () => {
    expect(suppressedParts([{ id: "a", n: 5 }, { id: "b", n: 9 }], 5, true).size).toBe(0);
  });
});
