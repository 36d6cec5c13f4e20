import { parse } from "csv-parse/sync";
import { z } from "zod";

/**
 * A validator for the subset of the Frictionless specs (Data Package v1, Table Schema) our
 * files use: the descriptor's shape, then each CSV against its schema — header equal to the
 * fields, every cell of the field's type (numbers with their decimalChar), enum constraints,
 * unique primary keys. Returns what is wrong, empty when valid.
 */
const NAME = /^[a-z0-9._-]+$/;
const fieldSchema = z.object({
  name: z.string().min(1),
  type: z.enum(["string", "number", "integer", "date", "boolean"]),
  description: z.string().optional(),
  decimalChar: z.string().length(1).optional(),
  groupChar: z.string().optional(),
  constraints: z.object({ enum: z.array(z.string()).optional(), required: z.boolean().optional() }).optional(),
});
const resourceSchema = z.object({
  name: z.string().regex(NAME),
  path: z.string().min(1).refine((p) => !p.startsWith("/") && !p.includes(".."), "path must be relative, without .."),
  format: z.literal("csv"),
  encoding: z.string().optional(),
  dialect: z.object({ delimiter: z.string().length(1), header: z.boolean().optional() }),
  schema: z.object({ fields: z.array(fieldSchema).min(1), missingValues: z.array(z.string()).optional(), primaryKey: z.array(z.string()).optional() }),
});
export const dataPackageSchema = z.object({
  profile: z.literal("tabular-data-package").optional(),
  name: z.string().regex(NAME),
  version: z.string().optional(),
  licenses: z.array(z.object({ name: z.string() })).optional(),
  resources: z.array(resourceSchema).min(1),
});

function castOk(type: z.infer<typeof fieldSchema>["type"], value: string, decimalChar: string): boolean {
  switch (type) {
    case "string":
      return true;
    case "integer":
      return /^-?\d+$/.test(value);
    case "number":
      return new RegExp(`^-?\\d+(\\${decimalChar}\\d+)?$`).test(value);
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value);
    case "boolean":
      return value === "true" || value === "false";
  }
}

/** Problems in the descriptor and in the files it names (read through `readFile`), or []. */
export function checkDataPackage(descriptor: unknown, readFile: (path: string) => string | null): string[] {
  const parsed = dataPackageSchema.safeParse(descriptor);
  if (!parsed.success) return parsed.error.issues.map((i) => `datapackage.json ${i.path.join(".")}: ${i.message}`);
  const problems: string[] = [];
  const names = new Set<string>();
  for (const resource of parsed.data.resources) {
    if (names.has(resource.name)) problems.push(`${resource.name}: resource name used twice`);
    names.add(resource.name);
    const fields = resource.schema.fields;
    for (const key of resource.schema.primaryKey ?? []) if (!fields.some((f) => f.name === key)) problems.push(`${resource.name}: primaryKey ${key} is not a field`);
    const text = readFile(resource.path);
    if (text === null) {
      problems.push(`${resource.path}: missing`);
      continue;
    }
    const records: string[][] = parse(text.replace(/^\uFEFF/, ""), { delimiter: resource.dialect.delimiter, relax_column_count: false });
    const [header, ...rows] = records;
    if (!header || header.join("|") !== fields.map((f) => f.name).join("|")) {
      problems.push(`${resource.path}: header ${header?.join(",") ?? "(none)"} is not ${fields.map((f) => f.name).join(",")}`);
      continue;
    }
    const missing = new Set(resource.schema.missingValues ?? [""]);
    const keys = new Set<string>();
    rows.forEach((row, index) => {
      fields.forEach((field, column) => {
        const value = row[column] ?? "";
        if (missing.has(value)) return;
        if (!castOk(field.type, value, field.decimalChar ?? ".")) problems.push(`${resource.path} row ${index + 2} ${field.name}: « ${value} » is not a ${field.type}`);
        const allowed = field.constraints?.enum;
        if (allowed && !allowed.includes(value)) problems.push(`${resource.path} row ${index + 2} ${field.name}: « ${value} » is not one of ${allowed.join(", ")}`);
      });
      const pk = resource.schema.primaryKey ?? [];
      if (pk.length > 0) {
        const key = pk.map((k) => row[fields.findIndex((f) => f.name === k)] ?? "").join("|");
        if (keys.has(key)) problems.push(`${resource.path} row ${index + 2}: primary key ${key} repeated`);
        keys.add(key);
      }
    });
  }
  return problems;
}
