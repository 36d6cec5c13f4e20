import { describe, expect, it } from "vitest";
import { type Cell, diffCells } from "./cell-diff";

const cell = (value: string, count: number, source: Cell["source"] = "online"): Cell => ({ projectId: "p", indicatorId: "i", groupId: "g", source, value, count });

describe("count cells compared with their recount", () => {
  it("finds nothing when the stored cells equal the recount, however the recount is split", () => {
    expect(diffCells([cell("3", 2), cell("__answered", 2)], [cell("3", 1), cell("__answered", 1), cell("3", 1), cell("__answered", 1)])).toEqual([]);
  });
  it("lists a cell counted too much, one missing, one left over; a zero cell equals none", () => {
    const d = diffCells([cell("3", 3), cell("4", 1), cell("5", 0)], [cell("3", 2), cell("2", 1)]);
    expect(d.map((x) => [x.value, x.stored, x.recomputed])).toEqual([
      ["2", 0, 1],
      ["3", 3, 2],
      ["4", 1, 0],
    ]);
  });
  it("keeps sources apart", () => {
    expect(diffCells([cell("3", 1, "paper")], [cell("3", 1, "online")])).toHaveLength(2);
  });
});
