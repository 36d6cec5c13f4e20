import { parse } from "csv-parse/sync";
import { isOneOf } from "./one-of";

// Reading a spreadsheet someone saved as CSV (invitation lists, paper answers): the bytes in
// whatever encoding Excel-FR or LibreOffice wrote, the separator it chose, then records with
// their line numbers for per-line messages.

/** Excel-FR saves « CSV (séparateur : point-virgule) » in UTF-8 with a BOM, or in Windows-1252. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    // Not valid UTF-8: an older Excel or LibreOffice export. Windows-1252 is a superset of Latin-1.
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

const DELIMITERS = [";", ",", "\t"] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/** The separator used most on the header line (outside quotes); « ; » when there is none. */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const counts: Record<Delimiter, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && isOneOf(DELIMITERS, char)) counts[char]++;
  }
  const best = [...DELIMITERS].sort((a, b) => counts[b] - counts[a])[0];
  return best && counts[best] > 0 ? best : ";";
}

/** « Quartier », « QUARTIER », « quartier » and « Quartiér » compare equal. */
export function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[\s_\-·.]+/g, " ")
    .trim();
}

/** Records with the line each ends on (for « ligne 12 » messages); empty lines skipped. */
export function parseCsvRecords(text: string, delimiter: Delimiter) {
  return parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
}

