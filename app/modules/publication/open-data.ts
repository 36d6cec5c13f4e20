import { type CsvColumn, toExcelCsv } from "../../lib/csv";
import type { Snapshot } from "../review/snapshot";
import type { OpenDataFile } from "./files";
import { openDataTables, type OpenTable, type Row } from "./tables";

/** The open-data schema's version (README « Données ouvertes »): bump it when a column changes. */
export const OPEN_DATA_VERSION = "1.1.0";

function columns(table: OpenTable): CsvColumn<Row>[] {
  return table.fields.map((field) => {
    if (field.type === "string") {
      return { header: field.name, text: (row: Row) => { const v = row[field.name]; return v === null || v === undefined ? null : String(v); } };
    }
    return { header: field.name, number: (row: Row) => { const v = row[field.name]; return typeof v === "number" ? v : null; } };
  });
}

/** One table as Excel-FR CSV (the one CSV writer: BOM, « ; », decimal comma, formulas neutralised). */
export function tableCsv(table: OpenTable): string {
  return toExcelCsv(table.rows, columns(table));
}

/** The same tables as JSON: numbers as numbers, masked values as null beside `status: masque`. */
export function openDataJson(snapshot: Snapshot) {
  return {
    schemaVersion: OPEN_DATA_VERSION,
    evaluation: { id: snapshot.evaluationId, title: snapshot.campaign.title, territory: snapshot.territory.name, publishedAt: snapshot.dates.publishedAt, k: snapshot.campaign.k },
    tables: Object.fromEntries(openDataTables(snapshot).map((t) => [t.name, t.rows])),
  };
}

/** A name in the Data Package sense: lower case, digits, « - _ . » only. */
function packageName(snapshot: Snapshot): string {
  return `evaluation-${snapshot.territory.slug}-${snapshot.evaluationId}`.toLowerCase().replace(/[^a-z0-9._-]/g, "-");
}

/**
 * The Frictionless Data Package describing the CSV files, one Table Schema each, in the form
 * schema.data.gouv.fr and open-data portals read. Paths are relative to datapackage.json.
 */
export function dataPackage(snapshot: Snapshot) {
  return {
    profile: "tabular-data-package",
    name: packageName(snapshot),
    title: `${snapshot.campaign.title} — ${snapshot.territory.name}`,
    version: OPEN_DATA_VERSION,
    created: snapshot.dates.publishedAt,
    licenses: [{ name: "etalab-2.0", title: "Licence Ouverte / Open Licence 2.0", path: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/" }],
    resources: openDataTables(snapshot).map((table) => ({
      profile: "tabular-data-resource",
      name: table.name,
      path: `${table.name}.csv`,
      title: table.title,
      description: table.description,
      format: "csv",
      mediatype: "text/csv",
      encoding: "utf-8",
      dialect: { delimiter: ";", header: true, lineTerminator: "\r\n", quoteChar: '"', doubleQuote: true },
      schema: {
        fields: table.fields.map((f) => ({
          name: f.name,
          type: f.type,
          description: f.description,
          ...(f.type === "number" ? { decimalChar: ",", groupChar: "" } : {}),
          ...(f.enum ? { constraints: { enum: [...f.enum] } } : {}),
        })),
        missingValues: [""],
        ...(table.primaryKey.length > 0 ? { primaryKey: [...table.primaryKey] } : {}),
      },
    })),
  };
}

/** The body and type of one downloadable file of a published evaluation. */
export function openDataFile(snapshot: Snapshot, file: OpenDataFile): { body: string; contentType: string } {
  if (file === "datapackage.json") return { body: JSON.stringify(dataPackage(snapshot), null, 2), contentType: "application/json; charset=utf-8" };
  if (file === "evaluation.json") return { body: JSON.stringify(openDataJson(snapshot), null, 2), contentType: "application/json; charset=utf-8" };
  const table = openDataTables(snapshot).find((t) => `${t.name}.csv` === file);
  if (!table) throw new Error(`no table for ${file}`);
  return { body: tableCsv(table), contentType: "text/csv; charset=utf-8" };
}
