import type { Kysely } from "kysely";

// Forgotten password: a single-use link that expires. Only the SHA-256 of the token is kept, so
// a copy of the database cannot be used to reset anyone's password.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("password_reset")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("used_at", "text")
    .execute();
  await db.schema.createIndex("password_reset_by_user").on("password_reset").column("user_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("password_reset").execute();
}
