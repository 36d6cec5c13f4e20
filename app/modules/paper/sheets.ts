import type { Framework } from "../../../evaluation-frameworks/schema";
import { type Delimiter, detectDelimiter, fold, parseCsvRecords } from "../../lib/csv-read";
import { countedValues, DONT_KNOW } from "../surveys/questions";
import { type GroupProject, isAsked } from "../campaigns/group-projects";

// Paper questionnaires, typed in a grid or imported from a spreadsheet: one row per sheet, a
// column per indicator. Pure: cells → stored values, or a message per cell saying what is wrong.

type Scale = Framework["scales"][number];
export type PaperColumn = { indicatorId: string; scale: Scale };
export type CellError = { line: number; column: string; key: "paper.errors.offScale"; params: { line: number; column: string; value: string; scale: string } };
export type PaperSheet = { line: number; groupId: string; projectId: string; answers: { projectId: string; indicatorId: string; value: string; counted: string[] }[] };

/** The questions a paper sheet carries: closed scales and numbers (free text is typed nowhere). */
export function paperColumns(framework: Framework, groupIds: readonly string[]): PaperColumn[] {
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  return framework.indicators.flatMap((indicator) => {
    const scale = scales.get(indicator.scale);
    if (indicator.kind !== "question" || !indicator.audiences.some((a) => groupIds.includes(a)) || !scale) return [];
    return scale.type === "text" || (scale.type === "choice" && scale.multiple) ? [] : [{ indicatorId: indicator.id, scale }];
  });
}

/** The scale as a reader of the message knows it: « 1–5 », « 0–10 », « oui/non »… */
export function scaleRange(scale: Scale): string {
  switch (scale.type) {
    case "likert":
      return `1–${scale.points}`;
    case "rating":
      return `${scale.min}–${scale.max}`;
    case "yes_no":
      return "oui/non";
    case "choice":
      return `1–${scale.options.length}`;
    case "number":
      return `${scale.min}–${scale.max}`;
    default:
      return "";
  }
}

/**
 * A typed cell → the stored value, null for an empty cell, or "invalid". « ? » means « Je ne
 * sais pas » everywhere, « 0 » too where 0 is not on the scale (keyboard-first entry).
 */
export function parsePaperCell(scale: Scale, raw: string): string | null | "invalid" {
  const typed = raw.trim().toLowerCase();
  if (typed === "") return null;
  const zeroOnScale = (scale.type === "rating" && scale.min === 0) || (scale.type === "number" && scale.min <= 0);
  if (typed === "?" || (typed === "0" && !zeroOnScale) || fold(typed) === "je ne sais pas") return DONT_KNOW;
  const integer = /^\d+$/.test(typed) ? Number(typed) : NaN;
  switch (scale.type) {
    case "likert":
      return integer >= 1 && integer <= scale.points ? String(integer) : "invalid";
    case "rating":
      return integer >= scale.min && integer <= scale.max ? String(integer) : "invalid";
    case "yes_no":
      if (["oui", "o", "yes", "y", "1"].includes(typed)) return "yes";
      if (["non", "n", "no", "2"].includes(typed)) return "no";
      return "invalid";
    case "choice": {
      const byValue = scale.options.find((o) => o.value === typed);
      if (byValue) return byValue.value;
      return scale.options[integer - 1]?.value ?? "invalid";
    }
    case "number": {
      const number = Number(typed.replace(",", ".").replace(/\s/g, ""));
      if (!Number.isFinite(number) || number < scale.min || number > scale.max || (scale.integer && !Number.isInteger(number))) return "invalid";
      return String(number);
    }
    default:
      return "invalid";
  }
}

export type PaperRow = { line: number; groupId: string; projectId: string; cells: Readonly<Record<string, string>> };

/** Rows → sheets and per-cell errors. An empty row (nothing typed) is no sheet. */
export function checkPaperRows(rows: readonly PaperRow[], columns: readonly PaperColumn[]): { sheets: PaperSheet[]; errors: CellError[] } {
  const sheets: PaperSheet[] = [];
  const errors: CellError[] = [];
  for (const row of rows) {
    const answers: PaperSheet["answers"] = [];
    const rowErrors: CellError[] = [];
    for (const column of columns) {
      const raw = row.cells[column.indicatorId] ?? "";
      const value = parsePaperCell(column.scale, raw);
      if (value === "invalid") rowErrors.push({ line: row.line, column: column.indicatorId, key: "paper.errors.offScale", params: { line: row.line, column: column.indicatorId, value: raw.trim(), scale: scaleRange(column.scale) } });
      else if (value !== null) answers.push({ projectId: row.projectId, indicatorId: column.indicatorId, value, counted: countedValues(column.scale, value) });
    }
    if (rowErrors.length > 0) errors.push(...rowErrors);
    else if (answers.length > 0) sheets.push({ line: row.line, groupId: row.groupId, projectId: row.projectId, answers });
  }
  return { sheets, errors };
}

export type CsvContext = {
  columns: readonly PaperColumn[];
  groups: readonly { id: string; label: { fr: string; en: string } }[];
  projects: readonly { id: string; name: string }[];
  /** The (group, project) pairs the campaign does not ask: a sheet for one is refused. */
  unasked: readonly GroupProject[];
};
export type CsvLineError = { line: number; key: "paper.errors.groupUnknown" | "paper.errors.projectUnknown" | "paper.errors.projectNotAsked"; params: { line: number; value: string } };
export type PaperCsvCheck =
  | { ok: true; sheets: PaperSheet[]; errors: (CellError | CsvLineError)[]; badLines: number[]; lineCount: number; delimiter: Delimiter }
  | { ok: false; fileError: "paper.fileErrors.empty" | "paper.fileErrors.unreadable" | "paper.fileErrors.noIndicatorColumn" };

/**
 * A spreadsheet of paper sheets: `groupe`, `projet`, `quartier` (kept as information only: a
 * response carries no place) and one column per indicator id. Group and project may be left
 * out when the campaign has only one.
 */
export function checkPaperCsv(text: string, context: CsvContext): PaperCsvCheck {
  if (text.replace(/^\uFEFF/, "").trim() === "") return { ok: false, fileError: "paper.fileErrors.empty" };
  const delimiter = detectDelimiter(text);
  let records: ReturnType<typeof parseCsvRecords>;
  try {
    records = parseCsvRecords(text, delimiter);
  } catch {
    return { ok: false, fileError: "paper.fileErrors.unreadable" };
  }
  const [header, ...body] = records.filter((r) => r.record.some((cell) => cell !== ""));
  if (!header) return { ok: false, fileError: "paper.fileErrors.empty" };
  const headers = header.record.map((h) => h.trim().replace(/^\uFEFF/, ""));
  const known = new Set(context.columns.map((c) => c.indicatorId));
  if (!headers.some((h) => known.has(h))) return { ok: false, fileError: "paper.fileErrors.noIndicatorColumn" };
  const at = (name: string) => headers.findIndex((h) => fold(h) === name);
  const groupAt = at("groupe");
  const projectAt = at("projet");
  const groupByName = new Map<string, string>();
  for (const g of context.groups) for (const name of [g.id, g.label.fr, g.label.en]) groupByName.set(fold(name), g.id);
  const projectByName = new Map<string, string>();
  for (const p of context.projects) for (const name of [p.id, p.name]) projectByName.set(fold(name), p.id);
  const onlyGroup = context.groups.length === 1 ? context.groups[0]?.id : undefined;
  const onlyProject = context.projects.length === 1 ? context.projects[0]?.id : undefined;

  const lineErrors: CsvLineError[] = [];
  const rows: PaperRow[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (index: number) => (index >= 0 ? (record[index] ?? "").trim() : "");
    const groupId = cell(groupAt) ? groupByName.get(fold(cell(groupAt))) : onlyGroup;
    const projectId = cell(projectAt) ? projectByName.get(fold(cell(projectAt))) : onlyProject;
    if (!groupId) lineErrors.push({ line, key: "paper.errors.groupUnknown", params: { line, value: cell(groupAt) } });
    if (!projectId) lineErrors.push({ line, key: "paper.errors.projectUnknown", params: { line, value: cell(projectAt) } });
    if (!groupId || !projectId) continue;
    if (!isAsked(context.unasked, groupId, projectId)) {
      lineErrors.push({ line, key: "paper.errors.projectNotAsked", params: { line, value: cell(projectAt) || projectId } });
      continue;
    }
    const cells: Record<string, string> = {};
    headers.forEach((h, i) => {
      if (known.has(h)) cells[h] = cell(i);
    });
    rows.push({ line, groupId, projectId, cells });
  }
  const checked = checkPaperRows(rows, context.columns);
  const errors = [...lineErrors, ...checked.errors].sort((a, b) => a.line - b.line);
  return { ok: true, sheets: checked.sheets, errors, badLines: [...new Set(errors.map((e) => e.line))], lineCount: body.length, delimiter };
}

export type EntryDifference = { line: number; column: string; first: string; second: string };

/**
 * Double entry: two people typed the same batch. Cells are compared by what they mean (« 0 »
 * and « ? » agree, so do « 4 » and « 4 »); `agreed` keeps the cells both typed alike and
 * leaves the differing ones empty, to be typed again from the paper sheet.
 */
export function compareEntries(first: readonly Readonly<Record<string, string>>[], second: readonly Readonly<Record<string, string>>[], columns: readonly PaperColumn[]): { differences: EntryDifference[]; agreed: Record<string, string>[] } {
  const differences: EntryDifference[] = [];
  const agreed: Record<string, string>[] = [];
  for (let i = 0; i < Math.max(first.length, second.length); i++) {
    const row: Record<string, string> = {};
    for (const column of columns) {
      const a = (first[i]?.[column.indicatorId] ?? "").trim();
      const b = (second[i]?.[column.indicatorId] ?? "").trim();
      if (parsePaperCell(column.scale, a) !== parsePaperCell(column.scale, b)) differences.push({ line: i + 1, column: column.indicatorId, first: a, second: b });
      else if (a !== "") row[column.indicatorId] = a;
    }
    agreed.push(row);
  }
  return { differences, agreed };
}
