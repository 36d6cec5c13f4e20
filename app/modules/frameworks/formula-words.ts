// A computed indicator's formula said in words for the framework page, the editor and the diff:
// « 100 × (Sorties vers l'emploi durable + Sorties positives) ÷ Personnes sorties dans l'année ».
import { type Formula, formulaSchema } from "../../../evaluation-frameworks/schema";

export function isFormula(value: unknown): value is Formula {
  return formulaSchema.safeParse(value).success;
}

/** `nameOf` turns a figure's id into what the reader sees (its short name, or the id itself). */
export function formulaInWords(formula: Formula, nameOf: (figureId: string) => string, formatNumber: (value: number) => string = String): string {
  const side = (ids: readonly string[]) => (ids.length > 1 ? `(${ids.map(nameOf).join(" + ")})` : ids.map(nameOf).join(""));
  const ratio = `${side(formula.numerator)} ÷ ${side(formula.denominator)}`;
  return formula.multiplier === 1 ? ratio : `${formatNumber(formula.multiplier)} × ${ratio}`;
}
