import { MAX_FRAMEWORK_FILE_BYTES } from "../../modules/frameworks/files.server";

/** The largest CSV list of invitations accepted (README « Invitations »). */
export const MAX_CSV_IMPORT_BYTES = 1_000_000;

/** Every form of the site fits in this: a few fields, a long free-text answer at most. */
export const FORM_BODY_LIMIT = 64 * 1024;

// Upload routes take their file's documented limit plus room for the form's other fields.
// The CSV import's second step posts the decoded text back URL-encoded: up to 3 bytes per byte.
const UPLOAD_LIMITS: readonly (readonly [RegExp, number])[] = [
  [/^\/campaigns\/[^/]+\/invitations\/import\/?$/, 3 * MAX_CSV_IMPORT_BYTES + FORM_BODY_LIMIT],
  [/^\/frameworks\/?$/, MAX_FRAMEWORK_FILE_BYTES + FORM_BODY_LIMIT],
];

/** The page a path is for: a single-fetch data request (`/x.data`, `/_root.data`) posts to the same action. */
function pagePath(pathname: string): string {
  if (pathname === "/_root.data") return "/";
  return pathname.endsWith(".data") ? pathname.slice(0, -".data".length) : pathname;
}

/** The most bytes a request body to this path (or its `.data` request) may have. */
export function bodyLimitFor(pathname: string): number {
  const page = pagePath(pathname);
  return UPLOAD_LIMITS.find(([path]) => path.test(page))?.[1] ?? FORM_BODY_LIMIT;
}

/** « 64 Ko », « 1 Mo »: the limit as the refusal page states it. */
export function formatLimit(bytes: number, locale: "fr" | "en"): string {
  const [value, unit] = bytes >= 1_000_000 ? [bytes / 1_000_000, locale === "fr" ? "Mo" : "MB"] : [bytes / 1024, locale === "fr" ? "Ko" : "KB"];
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(value)} ${unit}`;
}
