// The common base of the starter frameworks (shared/socle-commun.json): one definition of a
// pathway exit (DGEFP circular 2008-21 categories and the two rates computed from them), of the
// profile of people reached and of the evaluation's own governance. Every starter file carries a
// copy (a framework file stays self-contained: it is exported, imported and forked whole), and
// `npm run frameworks:check` refuses a copy that drifts from the base.
import { isDeepStrictEqual } from "node:util";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { dimensionSchema, indicatorSchema, localizedTextSchema, scaleSchema, sourceSchema, type Framework, type FrameworkIssue } from "./schema";
import { check, formatPath } from "./rules";

export const SHARED_SET_FILE = join("shared", "socle-commun.json");

/** What varies from one framework to another: where the exits sit, and who reports or answers. */
const VARYING_FIELDS = { dimension: true, audiences: true } as const;

export const sharedSetSchema = z.strictObject({
  description: localizedTextSchema,
  sources: z.array(sourceSchema),
  scales: z.array(scaleSchema),
  dimensions: z.array(dimensionSchema),
  indicators: z.array(indicatorSchema.partial(VARYING_FIELDS)),
});
export type SharedSet = z.output<typeof sharedSetSchema>;

/** The base, or null when the folder has none (a council's own folder of frameworks). */
export function readSharedSet(directory: string): SharedSet | null {
  let text: string;
  try {
    text = readFileSync(join(directory, SHARED_SET_FILE), "utf8");
  } catch {
    return null;
  }
  return sharedSetSchema.parse(JSON.parse(text));
}

/**
 * Every element of the base is in the framework, identical (for an indicator: every field the
 * base gives; its dimension and audiences may differ). An empty list means the copy is faithful.
 */
export function checkSharedSet(framework: Framework, shared: SharedSet): FrameworkIssue[] {
  const found: FrameworkIssue[] = [];
  for (const collection of ["sources", "scales", "dimensions", "indicators"] as const) {
    const items: readonly { id: string }[] = framework[collection];
    for (const expected of shared[collection] as readonly { id: string }[]) {
      const index = items.findIndex((item) => item.id === expected.id);
      const actual = items[index];
      if (!actual) {
        found.push({
          path: collection,
          message: check(`sharedMissing.${collection}`, { id: expected.id, file: SHARED_SET_FILE }),
        });
        continue;
      }
      const fields = Object.keys(expected).filter((field) => !isDeepStrictEqual((expected as Record<string, unknown>)[field], (actual as Record<string, unknown>)[field]));
      const extra = collection === "indicators" ? [] : Object.keys(actual).filter((field) => !(field in expected));
      for (const field of [...fields, ...extra]) {
        found.push({
          path: formatPath([collection, index, field]),
          message: check("sharedDiffers", { field, noun: check(`sharedNouns.${collection}`), id: expected.id, file: SHARED_SET_FILE }),
        });
      }
    }
  }
  return found;
}
