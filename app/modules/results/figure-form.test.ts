import { describe, expect, it } from "vitest";
import { parseFigureForm, readFrenchNumber } from "./figure-form";

const people = (indicatorId: string) => ({ indicatorId, min: 0, max: 100000, integer: true });
const exits = ["sorties_nombre", "sorties_emploi_durable", "sorties_emploi_transition", "sorties_positives", "sorties_autres"].map(people);
const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

describe("reported figures form", () => {
  it("reads French numbers: decimal comma, spaces between thousands; empty is no figure, not zero", () => {
    expect(readFrenchNumber("1 234,5")).toBe(1234.5);
    expect(readFrenchNumber("")).toBeNull();
    expect(readFrenchNumber("douze")).toBeNaN();
  });

  it("says per field what is wrong", () => {
    const result = parseFigureForm(form({ "value.sorties_nombre": "douze", "value.sorties_autres": "2,5" }), exits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors["value.sorties_nombre"]).toEqual([{ key: "figures.errors.notANumber" }]);
    expect(result.fieldErrors["value.sorties_autres"]).toEqual([{ key: "figures.errors.wholeNumber" }]);
  });

  it("refuses exit categories that do not add up to the number who left, on that field", () => {
    const result = parseFigureForm(form({ "value.sorties_nombre": "10", "value.sorties_emploi_durable": "3", "value.sorties_emploi_transition": "4", "value.sorties_positives": "2", "value.sorties_autres": "3" }), exits);
    expect(!result.ok && result.fieldErrors["value.sorties_nombre"]).toEqual([{ key: "figures.errors.exitsDoNotAddUp", params: { sum: 12, total: 10 } }]);
  });

  it("accepts exits that add up, and leaves an empty figure unreported", () => {
    const result = parseFigureForm(form({ "value.sorties_nombre": "12", "value.sorties_emploi_durable": "3", "value.sorties_emploi_transition": "4", "value.sorties_positives": "2", "value.sorties_autres": "3" }), [...exits, people("public_personnes")]);
    expect(result.ok && result.figures.find((f) => f.indicatorId === "public_personnes")?.value).toBeNull();
  });
});
