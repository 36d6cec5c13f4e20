import { type Kysely, sql } from "kysely";

// A framework is a named, versioned set of dimensions and indicators. The starter library has
// territory_id NULL (shared, read-only); forks belong to one territory. A version's definition is
// the framework file itself (evaluation-frameworks/schema.ts), stored as JSON.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("framework")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.references("territory.id"))
    .addColumn("slug", "text", (c) => c.notNull())
    .addColumn("forked_from_framework_id", "text", (c) => c.references("framework.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  // NULLs are distinct in a unique index: the starter library needs its own.
  await sql`create unique index framework_slug_per_territory on framework (territory_id, slug) where territory_id is not null`.execute(db);
  await sql`create unique index framework_slug_starter on framework (slug) where territory_id is null`.execute(db);

  await db.schema
    .createTable("framework_version")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("framework_id", "text", (c) => c.notNull().references("framework.id"))
    .addColumn("territory_id", "text", (c) => c.references("territory.id"))
    .addColumn("version_number", "integer", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'published')`))
    .addColumn("definition", "text", (c) => c.notNull().check(sql`json_valid(definition)`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("published_at", "text")
    .addUniqueConstraint("framework_version_number", ["framework_id", "version_number"])
    .execute();

  // DESIGN.md §4: a published version never changes. The database refuses it, whatever the code does.
  await sql`
    create trigger framework_version_published_is_immutable
    before update on framework_version
    when old.status = 'published'
    begin
      select raise(abort, 'published framework version is immutable');
    end`.execute(db);
  await sql`
    create trigger framework_version_published_is_not_deleted
    before delete on framework_version
    when old.status = 'published'
    begin
      select raise(abort, 'published framework version is immutable');
    end`.execute(db);
}
