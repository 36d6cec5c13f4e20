import { stringify } from "csv-stringify/sync";

/**
 * A column of a CSV file: a text column (every cell neutralised against formulas) or a number
 * column (real numbers written with a decimal comma, so Excel-FR reads them as numbers).
 */
export type CsvColumn<Row> = { header: string; text: (row: Row) => string | null | undefined } | { header: string; number: (row: Row) => number | null | undefined };

// What makes Excel, LibreOffice or Google Sheets read a cell as a formula (OWASP « CSV
// injection »): = + - @ at the start, also after leading spaces or quotes, which Excel skips;
// a leading tab or carriage return; and the full-width forms some locales accept.
const FORMULA_START = /^[\s"'\u00a0\u3000]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

/** A text cell that cannot run as a formula: a leading apostrophe makes spreadsheets show it as text. */
export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** 1234.5 → « 1234,5 » (no grouping, decimal comma); not a finite number → empty cell. */
export function excelNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "";
  return String(value).replace(".", ",");
}

/**
 * The one writer of every CSV the product produces, in the form Excel-FR opens directly:
 * UTF-8 with a BOM, « ; » separators, Windows line ends, decimal commas. Every text cell,
 * header included, goes through `neutralizeCell`.
 */
export function toExcelCsv<Row>(rows: readonly Row[], columns: readonly CsvColumn<Row>[]): string {
  const cell = (row: Row, column: CsvColumn<Row>) => ("number" in column ? excelNumber(column.number(row)) : neutralizeCell(column.text(row) ?? ""));
  return stringify(
    rows.map((row) => columns.map((column) => cell(row, column))),
    { delimiter: ";", bom: true, header: true, columns: columns.map((c) => neutralizeCell(c.header)), record_delimiter: "windows", quoted_match: /[\r\n]/ },
  );
}
