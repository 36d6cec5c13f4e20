/**
 * The names of a published evaluation's downloadable files. Apart from open-data.ts because the
 * public page lists them in the browser too: open-data.ts pulls in the CSV writer, whose
 * Node-only code (`Buffer`) broke the page's client module, so « Publier » could not land on it.
 */
export const OPEN_DATA_TABLES = ["scores", "indicators", "reported", "workshop_positions", "findings", "positions", "commitments", "participation"] as const;
export const OPEN_DATA_FILES = ["datapackage.json", "evaluation.json", ...OPEN_DATA_TABLES.map((n) => `${n}.csv` as const)] as const;
export type OpenDataFile = (typeof OPEN_DATA_FILES)[number];

export function isOpenDataFile(name: string): name is OpenDataFile {
  return (OPEN_DATA_FILES as readonly string[]).includes(name);
}
