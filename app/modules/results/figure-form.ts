/**
 * The reported-figures form, parsed without a schema per framework: one value and one source
 * note per figure (fields `value.<id>` and `note.<id>`). French decimal commas and spaces
 * between thousands are read; each refusal names its field. The four exit categories must add
 * up to the number who left (the one exit definition of the frameworks).
 */
import type { Failure } from "../failure";
import { failureCollector } from "../failure";

export type FigureField = { indicatorId: string; min: number; max: number; integer: boolean };
export type ParsedFigure = { indicatorId: string; value: number | null; sourceNote: string | null };

export const NOTE_MAX_LENGTH = 500;
export const EXIT_TOTAL = "sorties_nombre";
export const EXIT_CATEGORIES = ["sorties_emploi_durable", "sorties_emploi_transition", "sorties_positives", "sorties_autres"] as const;

export const valueField = (indicatorId: string) => `value.${indicatorId}`;
export const noteField = (indicatorId: string) => `note.${indicatorId}`;

/** « 1 234,5 » → 1234.5; empty → null; anything else → NaN. */
export function readFrenchNumber(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
  if (compact === "") return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : Number.NaN;
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}

/** What was typed, per field, to fill the form again after a refusal. */
export function typedValues(form: FormData, fields: readonly FigureField[]): Record<string, string> {
  return Object.fromEntries(fields.flatMap((f) => [valueField(f.indicatorId), noteField(f.indicatorId)].map((name) => [name, text(form, name).slice(0, 2000)])));
}

export function parseFigureForm(form: FormData, fields: readonly FigureField[]): { ok: true; figures: ParsedFigure[] } | Failure {
  const errors = failureCollector();
  const figures = fields.map((field): ParsedFigure => {
    const value = readFrenchNumber(text(form, valueField(field.indicatorId)));
    const note = text(form, noteField(field.indicatorId)).trim();
    if (value !== null && Number.isNaN(value)) errors.add(valueField(field.indicatorId), "figures.errors.notANumber");
    else if (value !== null && (value < field.min || value > field.max)) errors.add(valueField(field.indicatorId), "figures.errors.outOfRange", { min: field.min, max: field.max });
    else if (value !== null && field.integer && !Number.isInteger(value)) errors.add(valueField(field.indicatorId), "figures.errors.wholeNumber");
    if (note.length > NOTE_MAX_LENGTH) errors.add(noteField(field.indicatorId), "figures.errors.noteTooLong", { max: NOTE_MAX_LENGTH });
    return { indicatorId: field.indicatorId, value: value === null || Number.isNaN(value) ? null : value, sourceNote: note === "" ? null : note };
  });
  const byId = new Map(figures.map((f) => [f.indicatorId, f.value]));
  const total = byId.get(EXIT_TOTAL);
  const parts = EXIT_CATEGORIES.map((id) => byId.get(id));
  if (fields.some((f) => f.indicatorId === EXIT_TOTAL) && total !== undefined && total !== null && parts.every((p) => p !== undefined && p !== null)) {
    const sum = parts.reduce<number>((s, p) => s + (p ?? 0), 0);
    if (sum !== total) errors.add(valueField(EXIT_TOTAL), "figures.errors.exitsDoNotAddUp", { sum, total });
  }
  return errors.failure() ?? { ok: true, figures };
}
