import type { Db, DbOrTrx } from "../../../db/connection";
import type { TerritoryTable } from "../../../db/schema";
import { newId } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { hashPassword } from "./password.server";

export type NewTerritory = { slug: string; name: string; kind: TerritoryTable["kind"]; admin: { email: string; displayName: string; password: string } };

/** A new council space with its first administrator (used by installs, the demo seed and tests). */
export async function createTerritoryWithAdmin(db: Db, input: NewTerritory) {
  const passwordHash = await hashPassword(input.admin.password);
  return db.transaction().execute(async (trx) => {
    const territoryId = newId();
    const userId = newId();
    const createdAt = nowIso();
    await trx.insertInto("territory").values({ id: territoryId, slug: input.slug, name: input.name, kind: input.kind, created_at: createdAt }).execute();
    await trx.insertInto("user").values({ id: userId, email: input.admin.email.toLowerCase(), display_name: input.admin.displayName, password_hash: passwordHash, created_at: createdAt }).execute();
    await trx.insertInto("membership").values({ id: newId(), territory_id: territoryId, user_id: userId, role: "admin", association_id: null, created_at: createdAt }).execute();
    return { territoryId, userId };
  });
}

/** The territory's name (for pages and e-mails of other areas). */
export async function getTerritoryName(db: DbOrTrx, territoryId: string): Promise<string> {
  const territory = await db.selectFrom("territory").select("name").where("id", "=", territoryId).executeTakeFirstOrThrow();
  return territory.name;
}

/** Display names of users, by id (for histories written by other areas). */
export async function userDisplayNames(db: DbOrTrx, userIds: readonly (string | null)[]): Promise<Map<string, string>> {
  const ids = [...new Set(userIds.filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom("user").select(["id", "display_name"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}

/** A territory by its public slug (public pages), or null. */
export async function findTerritoryBySlug(db: DbOrTrx, slug: string): Promise<{ id: string; slug: string; name: string } | null> {
  const row = await db.selectFrom("territory").select(["id", "slug", "name"]).where("slug", "=", slug).executeTakeFirst();
  return row ?? null;
}

/** The territory's public slug and name (public pages and links). */
export async function getTerritorySlug(db: DbOrTrx, territoryId: string): Promise<{ slug: string; name: string }> {
  return db.selectFrom("territory").select(["slug", "name"]).where("id", "=", territoryId).executeTakeFirstOrThrow();
}

/** Slugs and names of these territories, by name. */
export async function territoriesByIds(db: DbOrTrx, ids: readonly string[]): Promise<{ slug: string; name: string }[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("territory").select(["slug", "name"]).where("id", "in", ids).orderBy("name").execute();
}
