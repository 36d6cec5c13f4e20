import { type Kysely, sql } from "kysely";

// Tenants, accounts, the territory's associations and projects, the audit log and the e-mail outbox.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("territory")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('commune', 'epci', 'departement', 'region')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("user")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull().unique().check(sql`email = lower(email)`))
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("association")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('association', 'siae', 'scic', 'entreprise', 'other')`))
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("association_name_per_territory", ["territory_id", "name"])
    .execute();

  await db.schema
    .createTable("membership")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("role", "text", (c) =>
      c.notNull().check(sql`role in ('admin', 'editor', 'facilitator', 'association_member', 'viewer')`),
    )
    .addColumn("association_id", "text", (c) => c.references("association.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addUniqueConstraint("one_membership_per_territory", ["territory_id", "user_id"])
    .execute();

  await db.schema
    .createTable("user_session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("user.id").onDelete("cascade"))
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("member_invitation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("association_id", "text", (c) => c.references("association.id"))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("invited_by_user_id", "text", (c) => c.references("user.id"))
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("accepted_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("project")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("association_id", "text", (c) => c.references("association.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "integer", (c) => c.primaryKey().autoIncrement())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("actor_user_id", "text", (c) => c.references("user.id"))
    .addColumn("entity_type", "text", (c) => c.notNull())
    .addColumn("entity_id", "text", (c) => c.notNull())
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("from_state", "text")
    .addColumn("to_state", "text")
    .addColumn("at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("outbox_message")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("text_body", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("sent_at", "text")
    .addColumn("error", "text")
    .execute();

  await db.schema.createIndex("membership_by_user").on("membership").column("user_id").execute();
  await db.schema.createIndex("project_by_territory").on("project").columns(["territory_id", "name"]).execute();
  await db.schema.createIndex("audit_by_entity").on("audit_log").columns(["territory_id", "entity_type", "entity_id"]).execute();
  await db.schema.createIndex("outbox_by_territory").on("outbox_message").columns(["territory_id", "created_at"]).execute();
}
