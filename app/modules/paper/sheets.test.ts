import { describe, expect, it } from "vitest";
import { compareEntries, type PaperColumn } from "./sheets";

const columns: PaperColumn[] = [
  { indicatorId: "accord", scale: { id: "accord", type: "likert", points: 5, labels: [] } },
  { indicatorId: "oui", scale: { id: "oui", type: "yes_no" } },
];

describe("double entry of a paper batch", () => {
  it("agrees on cells that mean the same, and lists the others with both typings", () => {
    const first: Record<string, string>[] = [{ accord: "4", oui: "o" }, { accord: "0", oui: "" }, { accord: "2" }];
    const second: Record<string, string>[] = [{ accord: "4", oui: "oui" }, { accord: "?", oui: "n" }, { accord: "3" }, { accord: "5" }];
    const { differences, agreed } = compareEntries(first, second, columns);
    expect(differences).toEqual([
      { line: 2, column: "oui", first: "", second: "n" },
      { line: 3, column: "accord", first: "2", second: "3" },
      { line: 4, column: "accord", first: "", second: "5" },
    ]);
    // Agreed cells keep the first typing; the differing ones are left empty, to be typed again.
    expect(agreed).toEqual([{ accord: "4", oui: "o" }, { accord: "0" }, {}, {}]);
  });

  it("finds no difference between two identical typings", () => {
    const rows = [{ accord: "1", oui: "non" }];
    expect(compareEntries(rows, rows, columns).differences).toEqual([]);
  });
});
