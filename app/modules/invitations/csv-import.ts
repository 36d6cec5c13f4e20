import { type Delimiter, decodeCsvBytes, detectDelimiter, fold, parseCsvRecords } from "../../lib/csv-read";

export { decodeCsvBytes, detectDelimiter };

// Importing a list of people to invite from a spreadsheet. Pure: bytes → text → rows and
// per-line errors. The service re-runs this on confirm (the preview is never trusted).

export const MAX_IMPORT_ROWS = 5000;

const COLUMNS = ["email", "name", "group", "neighbourhood"] as const;
type Column = (typeof COLUMNS)[number];

const HEADERS: Record<Column, string[]> = {
  email: ["email", "e mail", "courriel", "mail", "adresse e mail", "adresse email", "adresse mail", "adresse electronique"],
  name: ["nom", "name", "nom complet", "prenom nom", "nom prenom", "display name", "full name"],
  group: ["groupe", "group", "partie prenante", "stakeholder group", "public"],
  neighbourhood: ["quartier", "neighbourhood", "neighborhood", "secteur"],
};

function columnOf(header: string): Column | null {
  const folded = fold(header);
  return COLUMNS.find((column) => HEADERS[column].includes(folded)) ?? null;
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

/** Reads a CSV list of people and says, line by line, who can be invited and what is wrong. */
export function checkInvitationCsv(text: string, context: ImportContext): ImportCheck {
  if (text.replace(/^\uFEFF/, "").trim() === "") return { ok: false, fileError: "invitations.csv.fileErrors.empty", params: {} };
  const delimiter = detectDelimiter(text);
  let records: ReturnType<typeof parseCsvRecords>;
  try {
    records = parseCsvRecords(text, delimiter);
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
  const onlyGroup = context.groups.length === 1 ? (context.groups[0]?.id ?? null) : null;
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
