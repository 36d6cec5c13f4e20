// `npm run frameworks:check` — validates every framework file of this folder and checks that
// framework.schema.json still matches schema.ts.
// `npm run frameworks:check -- --write-json-schema` regenerates framework.schema.json first.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { sayIn } from "../app/i18n/say";
import type { Message } from "../app/modules/failure";
import { check } from "./rules";
import { frameworkJsonSchemaText, parseFrameworkFile } from "./schema";
import { checkSharedSet, readSharedSet, SHARED_SET_FILE, type SharedSet } from "./shared-set";

export const JSON_SCHEMA_FILE = "framework.schema.json";
const SCHEMA_REFERENCE = `./${JSON_SCHEMA_FILE}`;
const COLLECTIONS = ["sources", "stakeholderGroups", "scales", "dimensions", "indicators"];

export type FileProblem = { file: string; path: string; message: Message };


/** The framework files of a folder: every *.json except the JSON Schema. */
export function listFrameworkFiles(directory: string): string[] {
  return readdirSync(directory)
    .filter((file) => file.endsWith(".json") && file !== JSON_SCHEMA_FILE)
    .sort();
}

/** "indicators[3].scale" → "indicators[3].scale [pa_confiance]", so a person finds the item. */
function pathWithId(path: string, data: unknown): string {
  const [, collection, index] = /^(\w+)\[(\d+)\]/.exec(path) ?? [];
  if (collection === undefined || !COLLECTIONS.includes(collection) || data === null || typeof data !== "object") return path;
  const item = ((data as Record<string, unknown>)[collection] as unknown[] | undefined)?.[Number(index)];
  const itemId = item !== null && typeof item === "object" ? (item as { id?: unknown }).id : undefined;
  return typeof itemId === "string" ? `${path} [${itemId}]` : path;
}

/** Every problem in one file; an empty list means the file is a valid framework. */
export function checkFrameworkFile(directory: string, file: string, shared: SharedSet | null = null): { problems: FileProblem[]; frameworkId?: string } {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(join(directory, file), "utf8"));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { problems: [{ file, path: "", message: check("notJson", { reason }) }] };
  }
  const parsed = parseFrameworkFile(data);
  const issues = parsed.ok ? (shared ? checkSharedSet(parsed.framework, shared) : []) : parsed.issues;
  const problems: FileProblem[] = issues.map((i) => ({ file, path: pathWithId(i.path, data), message: i.message }));
  const isObject = data !== null && typeof data === "object" && !Array.isArray(data);
  const record = isObject ? (data as Record<string, unknown>) : {};
  if (isObject && record.$schema !== SCHEMA_REFERENCE) {
    problems.push({ file, path: "$schema", message: check("schemaLine", { reference: SCHEMA_REFERENCE }) });
  }
  if (typeof record.id === "string" && `${record.id}.json` !== file) {
    problems.push({ file, path: "id", message: check("fileName", { file, id: record.id }) });
  }
  return { problems, frameworkId: parsed.ok ? parsed.framework.id : undefined };
}

/** Checks the folder: the JSON Schema is up to date and every framework file is valid. */
export function checkFrameworkDirectory(directory: string, options: { writeJsonSchema?: boolean } = {}): { problems: FileProblem[]; frameworkCount: number } {
  const problems: FileProblem[] = [];
  const schemaPath = join(directory, JSON_SCHEMA_FILE);
  const expected = frameworkJsonSchemaText();
  if (options.writeJsonSchema) writeFileSync(schemaPath, expected);
  if (!existsSync(schemaPath) || readFileSync(schemaPath, "utf8") !== expected) {
    problems.push({ file: JSON_SCHEMA_FILE, path: "", message: check("jsonSchemaStale") });
  }
  const files = listFrameworkFiles(directory);
  if (files.length === 0) {
    problems.push({ file: basename(directory), path: "", message: check("noFramework") });
  }
  // The starter folder has a common base that every starter file copies (shared-set.ts).
  let shared: SharedSet | null = null;
  try {
    shared = readSharedSet(directory);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 300) : String(error);
    problems.push({ file: SHARED_SET_FILE, path: "", message: check("sharedUnreadable", { reason }) });
  }
  let frameworkCount = 0;
  for (const file of files) {
    const result = checkFrameworkFile(directory, file, shared);
    problems.push(...result.problems);
    if (result.problems.length === 0) frameworkCount++;
  }
  return { problems, frameworkCount };
}

export function formatProblem(problem: FileProblem): string {
  const text = sayIn("fr", problem.message);
  return problem.path ? `${problem.file}: ${problem.path} — ${text}` : `${problem.file}: ${text}`;
}

function main(argv: string[]) {
  const directory = dirname(fileURLToPath(import.meta.url));
  const writeJsonSchema = argv.includes("--write-json-schema");
  const { problems, frameworkCount } = checkFrameworkDirectory(directory, { writeJsonSchema });
  if (writeJsonSchema) console.log(`${JSON_SCHEMA_FILE} written`);
  for (const problem of problems) console.error(formatProblem(problem));
  if (problems.length > 0) {
    console.error(`${problems.length} problem${problems.length > 1 ? "s" : ""}`);
    process.exitCode = 1;
  } else {
    console.log(`${frameworkCount} framework${frameworkCount > 1 ? "s" : ""} OK`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
