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

  it("needs nothing more when two groups are already hidden", () => {
    const hidden = suppressedParts([{ id: "a", n: 1 }, { id: "b", n: 2 }, { id: "c", n: 30 }], 5, true);
    expect([...hidden].sort()).toEqual(["a", "b"]);
  });

  it("hides nothing when every group reaches k", () => {
    expect(suppressedParts([{ id: "a", n: 5 }, { id: "b", n: 9 }], 5, true).size).toBe(0);
  });
});
