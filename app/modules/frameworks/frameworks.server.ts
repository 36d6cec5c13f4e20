import type { DbOrTrx } from "../../../db/connection";
import type { Framework } from "../../../evaluation-frameworks/schema";

/** Versions a campaign may use: published, from the starter library or the territory's own. */
export async function listUsableFrameworkVersions(db: DbOrTrx, territoryId: string) {
  const rows = await db
    .selectFrom("framework_version as v")
    .innerJoin("framework as f", "f.id", "v.framework_id")
    .select(["v.id", "v.version_number", "v.definition", "f.territory_id", "f.slug"])
    .where("v.status", "=", "published")
    .where((eb) => eb.or([eb("f.territory_id", "is", null), eb("f.territory_id", "=", territoryId)]))
    .orderBy("f.slug")
    .orderBy("v.version_number", "desc")
    .execute();
  return rows.map((row) => ({ id: row.id, versionNumber: row.version_number, isStarter: row.territory_id === null, slug: row.slug, definition: JSON.parse(row.definition) as Framework }));
}

/** One version readable by the territory (starter or own), or undefined. */
export async function findFrameworkVersion(db: DbOrTrx, territoryId: string, versionId: string) {
  const row = await db
    .selectFrom("framework_version as v")
    .innerJoin("framework as f", "f.id", "v.framework_id")
    .select(["v.id", "v.version_number", "v.status", "v.definition"])
    .where("v.id", "=", versionId)
    .where((eb) => eb.or([eb("f.territory_id", "is", null), eb("f.territory_id", "=", territoryId)]))
    .executeTakeFirst();
  return row && { id: row.id, versionNumber: row.version_number, status: row.status, definition: JSON.parse(row.definition) as Framework };
}
