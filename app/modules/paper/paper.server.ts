import type { Db } from "../../../db/connection";
import { toExcelCsv } from "../../lib/csv";
import { decodeCsvBytes } from "../../lib/csv-read";
import { getCampaignScope } from "../campaigns/campaigns.server";
import { isAsked } from "../campaigns/group-projects";
import { type Failure, formFailure, type Message, type Result } from "../failure";
import { recordSheetResponses } from "../surveys/source-writes.server";
import { checkPaperCsv, checkPaperRows, compareEntries, type EntryDifference, paperColumns, type PaperRow, type PaperSheet } from "./sheets";

// Paper questionnaires of an open campaign: typed in a grid or imported from a CSV file. Each
// sheet becomes a response of source « paper » (its answers and count cells written by surveys).

async function paperContext(db: Db, territoryId: string, campaignId: string) {
  const scope = await getCampaignScope(db, territoryId, campaignId);
  const definition = scope.framework.definition;
  const columns = paperColumns(definition, scope.groupIds);
  return {
    scope,
    columns,
    groups: definition.stakeholderGroups.filter((g) => scope.groupIds.includes(g.id)).map((g) => ({ id: g.id, label: g.label })),
    projects: scope.projects.map((p) => ({ id: p.id, name: p.name })),
    unasked: scope.unasked,
    labels: new Map(definition.indicators.map((i) => [i.id, i.label])),
  };
}

/** What the entry grid and the import page show: the columns in the framework's order. */
export async function getPaperPage(db: Db, territoryId: string, campaignId: string) {
  const context = await paperContext(db, territoryId, campaignId);
  return {
    campaign: { id: context.scope.campaign.id, title: context.scope.campaign.title, isOpen: context.scope.campaign.state === "open" },
    columns: context.columns.map((c) => ({ indicatorId: c.indicatorId, label: context.labels.get(c.indicatorId) ?? { fr: c.indicatorId, en: c.indicatorId }, scaleType: c.scale.type })),
    groups: context.groups,
    projects: context.projects,
  };
}

function cellFailure(errors: readonly { column?: string; line: number; key: string; params?: Message["params"] }[]): Failure {
  const fieldErrors: Record<string, Message[]> = {};
  for (const e of errors) (fieldErrors[e.column ? `r${e.line}.${e.column}` : `r${e.line}`] ??= []).push({ key: e.key, params: e.params });
  return { ok: false, fieldErrors, formErrors: [{ key: "paper.errors.nothingSaved", params: { count: errors.length } }] };
}

async function saveSheets(db: Db, territoryId: string, campaignId: string, sheets: readonly PaperSheet[]) {
  return db.transaction().execute((trx) => recordSheetResponses(trx, { territoryId, campaignId, source: "paper" }, sheets));
}

export type PaperBatch = { groupId: string; projectId: string; rows: readonly Record<string, string>[] };

/** A typed batch checked against the campaign: its sheets, or a message on each wrong cell. */
function checkBatch(context: Awaited<ReturnType<typeof paperContext>>, batch: PaperBatch): Result<{ sheets: PaperSheet[] }> {
  if (context.scope.campaign.state !== "open") return formFailure("paper.errors.campaignNotOpen");
  if (!context.groups.some((g) => g.id === batch.groupId)) return formFailure("paper.errors.groupUnknown", { line: 0, value: batch.groupId });
  const project = context.projects.find((p) => p.id === batch.projectId);
  if (!project) return formFailure("paper.errors.projectUnknown", { line: 0, value: batch.projectId });
  if (!isAsked(context.unasked, batch.groupId, batch.projectId)) return formFailure("paper.errors.projectNotAsked", { line: 0, value: project.name });
  const rows: PaperRow[] = batch.rows.map((cells, i) => ({ line: i + 1, groupId: batch.groupId, projectId: batch.projectId, cells }));
  const { sheets, errors } = checkPaperRows(rows, context.columns);
  if (errors.length > 0) return cellFailure(errors);
  if (sheets.length === 0) return formFailure("paper.errors.empty");
  return { ok: true, sheets };
}

/**
 * A typed batch: all sheets saved, or none and a message on each wrong cell (what was typed
 * comes back). `toResolve` names the cells two entries disagreed on: each must be typed again.
 */
export async function recordPaperBatch(db: Db, territoryId: string, campaignId: string, batch: PaperBatch & { toResolve?: readonly { line: number; column: string }[] }): Promise<Result<{ saved: number }>> {
  const context = await paperContext(db, territoryId, campaignId);
  const unresolved = (batch.toResolve ?? []).filter((cell) => (batch.rows[cell.line - 1]?.[cell.column] ?? "").trim() === "");
  if (unresolved.length > 0) return cellFailure(unresolved.map((cell) => ({ ...cell, key: "paper.errors.resolveCell", params: cell })));
  const checked = checkBatch(context, batch);
  if (!checked.ok) return checked;
  return { ok: true, saved: await saveSheets(db, territoryId, campaignId, checked.sheets) };
}

/** Double entry, first typing: checked like a save, then kept by the page (hidden), nothing saved. */
export async function checkFirstEntry(db: Db, territoryId: string, campaignId: string, batch: PaperBatch): Promise<Result<{ sheets: number }>> {
  const checked = checkBatch(await paperContext(db, territoryId, campaignId), batch);
  return checked.ok ? { ok: true, sheets: checked.sheets.length } : checked;
}

/**
 * Double entry, second typing of the same batch: saved at once when both agree cell by cell;
 * otherwise nothing is saved and the differences come back with the cells both agreed on.
 */
export async function recordDoubleEntry(db: Db, territoryId: string, campaignId: string, batch: PaperBatch & { first: readonly Record<string, string>[] }): Promise<Result<{ status: "saved"; saved: number } | { status: "differences"; differences: EntryDifference[]; agreed: Record<string, string>[] }>> {
  const context = await paperContext(db, territoryId, campaignId);
  const checked = checkBatch(context, batch);
  if (!checked.ok) return checked;
  const { differences, agreed } = compareEntries(batch.first, batch.rows, context.columns);
  if (differences.length > 0) return { ok: true, status: "differences", differences, agreed };
  return { ok: true, status: "saved", saved: await saveSheets(db, territoryId, campaignId, checked.sheets) };
}

export type ImportMode = "preview" | "import" | "importSkippingBadRows";

/**
 * A CSV of sheets: a preview (what would be saved, every error), then the import, all or
 * nothing unless the person chose to skip the rows with errors. The file is checked again on
 * import: the preview is never trusted.
 */
export async function importPaperCsv(db: Db, territoryId: string, campaignId: string, input: { bytes: Uint8Array; mode: ImportMode }) {
  const context = await paperContext(db, territoryId, campaignId);
  if (context.scope.campaign.state !== "open") return { status: "refused" as const, failure: formFailure("paper.errors.campaignNotOpen") };
  const text = decodeCsvBytes(input.bytes);
  const check = checkPaperCsv(text, context);
  if (!check.ok) return { status: "refused" as const, failure: formFailure(check.fileError) };
  const errors = check.errors.map((e) => ({ line: e.line, key: e.key, params: e.params }));
  const summary = { sheets: check.sheets.length, lines: check.lineCount, errors, text };
  if (input.mode === "preview" || (input.mode === "import" && errors.length > 0)) return { status: "preview" as const, ...summary };
  const saved = await saveSheets(db, territoryId, campaignId, check.sheets);
  return { status: "imported" as const, saved, skipped: check.badLines.length };
}

/** An empty spreadsheet for the campaign: its columns, in the order the import reads them. */
export async function paperTemplateCsv(db: Db, territoryId: string, campaignId: string): Promise<{ filename: string; csv: string }> {
  const context = await paperContext(db, territoryId, campaignId);
  const headers = ["groupe", "projet", "quartier", ...context.columns.map((c) => c.indicatorId)];
  const example = [context.groups[0]?.id ?? "", context.projects[0]?.name ?? "", "", ...context.columns.map(() => "")];
  const csv = toExcelCsv([example], headers.map((header, i) => ({ header, text: (row: string[]) => row[i] ?? "" })));
  return { filename: `questionnaires-papier-${context.scope.campaign.id}.csv`, csv };
}
