import { describe, expect, it } from "vitest";
import { checkPaperCsv, compareEntries, type PaperColumn } from "./sheets";

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

describe("a CSV of paper sheets", () => {
  it("refuses the line of a group about a project it is not asked about, and keeps the others", () => {
    const context = {
      columns,
      groups: [{ id: "residents", label: { fr: "Habitant·es", en: "Residents" } }, { id: "associations", label: { fr: "Associations", en: "Associations" } }],
      projects: [{ id: "p1", name: "Ressourcerie" }, { id: "p2", name: "Clauses sociales" }],
      unasked: [{ groupId: "residents", projectId: "p2" }],
    };
    const check = checkPaperCsv("groupe;projet;accord\nresidents;Clauses sociales;4\nassociations;Clauses sociales;3\nresidents;Ressourcerie;5\n", context);
    if (!check.ok) throw new Error(check.fileError);
    expect(check.errors).toEqual([{ line: 2, key: "paper.errors.projectNotAsked", params: { line: 2, value: "Clauses sociales" } }]);
    expect(check.sheets.map((s) => [s.groupId, s.projectId])).toEqual([["associations", "p2"], ["residents", "p1"]]);
  });
});
