import { describe, expect, it } from "vitest";
import { formulaInWords, isFormula } from "./formula-words";

describe("formulaInWords", () => {
  it("says a rate with its multiplier and brackets around a sum", () => {
    const formula = { numerator: ["durable", "transition"], denominator: ["sortants"], multiplier: 100 };
    const names: Record<string, string> = { durable: "Emploi durable", transition: "Emploi de transition", sortants: "Personnes sorties" };
    expect(formulaInWords(formula, (id) => names[id] ?? id)).toBe("100 × (Emploi durable + Emploi de transition) ÷ Personnes sorties");
  });

  it("leaves out a multiplier of 1", () => {
    expect(formulaInWords({ numerator: ["a"], denominator: ["b"], multiplier: 1 }, (id) => id)).toBe("a ÷ b");
  });

  it("recognises a formula and nothing else", () => {
    expect(isFormula({ numerator: ["a"], denominator: ["b"], multiplier: 10 })).toBe(true);
    expect(isFormula(["a", "b"])).toBe(false);
    expect(isFormula("a")).toBe(false);
  });
});
