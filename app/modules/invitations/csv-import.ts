import { parse } from "csv-parse/sync";

// Importing a list of people to invite from a spreadsheet. Pure: bytes → text → rows and
// per-line errors. The service re-runs this on confirm (the preview is never trusted).

export const MAX_IMPORT_ROWS = 5000;

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

export type Delimiter = ";" | "," | "\t";

/** The separator used most on the header line (outside quotes); « ; » when there is none. */
export function detectDelimiter(text: string): Delimiter {
  const firstLine = text.replace(/^\uFEFF/, "").split(/\r?\n/, 1)[0] ?? "";
  const counts: Record<Delimiter, number> = { ";": 0, ",": 0, "\t": 0 };
  let quoted = false;
  for (const char of firstLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char as Delimiter]++;
  }
  const best = (Object.keys(counts) as Delimiter[]).sort((a, b) => counts[b] - counts[a])[0];
  return counts[best] > 0 ? best : ";";
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

type Column = "email" | "name" | "group" | "neighbourhood";

const HEADERS: Record<Column, string[]> = {
  email: ["email", "e mail", "courriel", "mail", "adresse e mail", "adresse email", "adresse mail", "adresse electronique"],
  name: ["nom", "name", "nom complet", "prenom nom", "nom prenom", "display name", "full name"],
  group: ["groupe", "group", "partie prenante", "stakeholder group", "public"],
  neighbourhood: ["quartier", "neighbourhood", "neighborhood", "secteur"],
};

function columnOf(header: string): Column | null {
  const folded = fold(header);
  for (const [column, names] of Object.entries(HEADERS) as [Column, string[]][]) if (names.includes(folded)) return column;
  return null;
}

const EMAIL = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+\.[^\s@<>()[\],;:"]{2,}$/;

export function isValidEmail(email: string): boolean {
  return email.length <= 254 && EMAIL.test(email);
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export type ImportContext = {
  groups: { id: string; label: { fr: string; en: string } }[];
  neighbourhoods: string[];
  /** Addresses (normalized) already invited in this campaign. */
  alreadyInvited: ReadonlySet<string>;
};

export type ImportRow = { line: number; email: string | null; name: string | null; groupId: string; neighbourhood: string | null };

export type LineErrorKey =
  | "invitations.csv.errors.emailInvalid"
  | "invitations.csv.errors.groupMissing"
  | "invitations.csv.errors.groupUnknown"
  | "invitations.csv.errors.neighbourhoodUnknown"
  | "invitations.csv.errors.duplicateInFile"
  | "invitations.csv.errors.alreadyInvited"
  | "invitations.csv.errors.nameTooLong";

export type LineError = { line: number; key: LineErrorKey; params: Record<string, string | number> };

export type FileErrorKey =
  | "invitations.csv.fileErrors.empty"
  | "invitations.csv.fileErrors.noEmailColumn"
  | "invitations.csv.fileErrors.noGroupColumn"
  | "invitations.csv.fileErrors.unreadable"
  | "invitations.csv.fileErrors.tooManyRows";

export type ImportCheck =
  | { ok: true; rows: ImportRow[]; errors: LineError[]; delimiter: Delimiter; lineCount: number }
  | { ok: false; fileError: FileErrorKey; params: Record<string, string | number> };

function parseRecords(text: string, delimiter: Delimiter) {
  return parse(text, { delimiter, bom: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
}

/** Reads a CSV list of people and says, line by line, who can be invited and what is wrong. */
export function checkInvitationCsv(text: string, context: ImportContext): ImportCheck {
  if (text.replace(/^\uFEFF/, "").trim() === "") return { ok: false, fileError: "invitations.csv.fileErrors.empty", params: {} };
  const delimiter = detectDelimiter(text);
  let records: ReturnType<typeof parseRecords>;
  try {
    records = parseRecords(text, delimiter);
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    return { ok: false, fileError: "invitations.csv.fileErrors.unreadable", params: { line } };
  }
  const [header, ...body] = records.filter((r) => r.record.some((cell) => cell !== ""));
  if (!header || body.length === 0) return { ok: false, fileError: "invitations.csv.fileErrors.empty", params: {} };
  if (body.length > MAX_IMPORT_ROWS) return { ok: false, fileError: "invitations.csv.fileErrors.tooManyRows", params: { max: MAX_IMPORT_ROWS } };

  const index: Partial<Record<Column, number>> = {};
  header.record.forEach((cell, i) => {
    const column = columnOf(cell);
    if (column && index[column] === undefined) index[column] = i;
  });
  if (index.email === undefined) return { ok: false, fileError: "invitations.csv.fileErrors.noEmailColumn", params: {} };
  const onlyGroup = context.groups.length === 1 ? context.groups[0].id : null;
  if (index.group === undefined && !onlyGroup) return { ok: false, fileError: "invitations.csv.fileErrors.noGroupColumn", params: {} };

  const groupByName = new Map<string, string>();
  for (const g of context.groups) for (const name of [g.id, g.label.fr, g.label.en]) groupByName.set(fold(name), g.id);
  const neighbourhoodByName = new Map(context.neighbourhoods.map((n) => [fold(n), n]));
  const firstLineOf = new Map<string, number>();

  const rows: ImportRow[] = [];
  const errors: LineError[] = [];
  for (const { record, info } of body) {
    const line = info.lines;
    const cell = (column: Column) => (index[column] === undefined ? "" : (record[index[column]!] ?? "").trim());
    const lineErrors: LineError[] = [];
    const fail = (key: LineErrorKey, params: Record<string, string | number> = {}) => lineErrors.push({ line, key, params });

    const rawEmail = cell("email");
    const email = normalizeEmail(rawEmail);
    // A row without an address is a person who gets a printed sheet, as when adding one person.
    if (email && !isValidEmail(email)) fail("invitations.csv.errors.emailInvalid", { value: rawEmail });
    else if (email && context.alreadyInvited.has(email)) fail("invitations.csv.errors.alreadyInvited", { value: email });
    else if (email && firstLineOf.has(email)) fail("invitations.csv.errors.duplicateInFile", { value: email, first: firstLineOf.get(email)! });

    const rawGroup = cell("group");
    const groupId = rawGroup ? groupByName.get(fold(rawGroup)) : onlyGroup;
    if (!rawGroup && !groupId) fail("invitations.csv.errors.groupMissing");
    else if (!groupId) fail("invitations.csv.errors.groupUnknown", { value: rawGroup });

    const rawNeighbourhood = cell("neighbourhood");
    const neighbourhood = rawNeighbourhood ? neighbourhoodByName.get(fold(rawNeighbourhood)) : null;
    if (rawNeighbourhood && !neighbourhood) fail("invitations.csv.errors.neighbourhoodUnknown", { value: rawNeighbourhood });

    const name = cell("name");
    if (name.length > 120) fail("invitations.csv.errors.nameTooLong", { max: 120 });

    if (email && isValidEmail(email) && !firstLineOf.has(email)) firstLineOf.set(email, line);
    if (lineErrors.length > 0) errors.push(...lineErrors);
    else rows.push({ line, email: email || null, name: name || null, groupId: groupId!, neighbourhood: neighbourhood ?? null });
  }
  return { ok: true, rows, errors, delimiter, lineCount: body.length };
}
