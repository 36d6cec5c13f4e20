import type { Db, DbOrTrx } from "../../../db/connection";
import { newId } from "../../lib/ids";
import { nowIso } from "../../lib/time";

export function listAssociations(db: Db, territoryId: string) {
  return db.selectFrom("association").select(["id", "name", "kind", "description"]).where("territory_id", "=", territoryId).orderBy("name").execute();
}

export async function listProjects(db: Db, territoryId: string) {
  const rows = await db
    .selectFrom("project as p")
    .leftJoin("association as a", (join) => join.onRef("a.id", "=", "p.association_id").on("a.territory_id", "=", territoryId))
    .select(["p.id", "p.name", "p.description", "p.association_id", "a.name as association_name"])
    .where("p.territory_id", "=", territoryId)
    .orderBy("p.name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, description: r.description, associationId: r.association_id, associationName: r.association_name }));
}

export type NewProject = { name: string; description: string; associationId: string | null };

export async function createProject(db: Db, territoryId: string, input: NewProject) {
  // An association of another territory is silently ignored: the form cannot reach across tenants.
  const association = input.associationId
    ? await db.selectFrom("association").select("id").where("id", "=", input.associationId).where("territory_id", "=", territoryId).executeTakeFirst()
    : undefined;
  const id = newId();
  await db
    .insertInto("project")
    .values({ id, territory_id: territoryId, association_id: association?.id ?? null, name: input.name.trim(), description: input.description.trim(), created_at: nowIso() })
    .execute();
  return id;
}

/** The ids among `projectIds` that belong to the territory (a form may name others). */
export async function filterOwnProjects(db: DbOrTrx, territoryId: string, projectIds: string[]): Promise<string[]> {
  if (projectIds.length === 0) return [];
  const rows = await db.selectFrom("project").select("id").where("territory_id", "=", territoryId).where("id", "in", projectIds).execute();
  const own = new Set(rows.map((r) => r.id));
  return projectIds.filter((id) => own.has(id));
}

/** The names of the territory's associations among `associationIds` (others are left out). */
export async function associationNames(db: DbOrTrx, territoryId: string, associationIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(associationIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("association").select(["id", "name"]).where("territory_id", "=", territoryId).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The association id if it belongs to the territory, otherwise null (a form may name another). */
export async function findOwnAssociationId(db: DbOrTrx, territoryId: string, associationId: string): Promise<string | null> {
  const row = await db.selectFrom("association").select("id").where("id", "=", associationId).where("territory_id", "=", territoryId).executeTakeFirst();
  return row?.id ?? null;
}

/** The territory's projects among `projectIds`, in the order given (others are left out). */
export async function describeProjects(db: DbOrTrx, territoryId: string, projectIds: readonly string[]): Promise<{ id: string; name: string; description: string }[]> {
  if (projectIds.length === 0) return [];
  const rows = await db.selectFrom("project").select(["id", "name", "description"]).where("territory_id", "=", territoryId).where("id", "in", [...projectIds]).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return projectIds.flatMap((id) => byId.get(id) ?? []);
}

/** The association carrying each of the territory's projects among `projectIds` (null: none). */
export async function projectAssociations(db: DbOrTrx, territoryId: string, projectIds: readonly string[]): Promise<Map<string, string | null>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db.selectFrom("project").select(["id", "association_id"]).where("territory_id", "=", territoryId).where("id", "in", [...projectIds]).execute();
  return new Map(rows.map((r) => [r.id, r.association_id]));
}
