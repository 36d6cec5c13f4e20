import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { DbOrTrx } from "../../../db/connection";
import { parseFrameworkFile } from "../../../evaluation-frameworks/schema";
import { createTranslator } from "../../i18n/i18n";
import { say } from "../../i18n/say";
import { newId } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { parseStoredDefinition } from "./stored-definition";

export const STARTER_DIRECTORY = resolve("evaluation-frameworks");

/** Reads and validates the starter framework files; a broken file stops start-up with its issues. */
export function readStarterFrameworks(directory = STARTER_DIRECTORY) {
  return readdirSync(directory)
    .filter((file) => file.endsWith(".json") && !file.endsWith(".schema.json"))
    .sort()
    .map((file) => {
      const parsed = parseFrameworkFile(JSON.parse(readFileSync(join(directory, file), "utf8")));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.issues.map((i) => `${i.path} — ${say(createTranslator("en"), i.message)}`).join("; ")}`);
      return parsed.framework;
    });
}

/**
 * Makes the shared starter library (territory_id NULL) match the files: a file whose version
 * is not yet in the database becomes a new published version; published ones are never touched.
 */
export async function installStarterFrameworks(db: DbOrTrx, directory = STARTER_DIRECTORY): Promise<number> {
  let installed = 0;
  for (const framework of readStarterFrameworks(directory)) {
    let row = await db.selectFrom("framework").select("id").where("territory_id", "is", null).where("slug", "=", framework.id).executeTakeFirst();
    if (!row) {
      row = { id: newId() };
      await db.insertInto("framework").values({ id: row.id, territory_id: null, slug: framework.id, forked_from_framework_id: null, forked_from_version_id: null, created_at: nowIso() }).execute();
    }
    const versions = await db.selectFrom("framework_version").select(["version_number", "definition"]).where("framework_id", "=", row.id).execute();
    const known = versions.some((v) => parseStoredDefinition(v.definition).version === framework.version);
    if (known) continue;
    const versionNumber = Math.max(0, ...versions.map((v) => v.version_number)) + 1;
    await db
      .insertInto("framework_version")
      .values({ id: newId(), framework_id: row.id, territory_id: null, version_number: versionNumber, status: "published", definition: JSON.stringify(framework), created_at: nowIso(), published_at: nowIso() })
      .execute();
    installed++;
  }
  return installed;
}
