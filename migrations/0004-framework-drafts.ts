import { type Kysely, sql } from "kysely";

// Editing a framework works on one draft at a time: two drafts of the same framework would
// fork its history silently. The database refuses a second draft, whatever the page does.
// A fork remembers the exact version it copied, so its first version can be compared with it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create unique index framework_version_one_draft on framework_version (framework_id) where status = 'draft'`.execute(db);
  await db.schema
    .alterTable("framework")
    .addColumn("forked_from_version_id", "text", (c) => c.references("framework_version.id"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index framework_version_one_draft`.execute(db);
  await db.schema.alterTable("framework").dropColumn("forked_from_version_id").execute();
}
