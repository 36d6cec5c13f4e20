import type { Kysely } from "kysely";

// Reported figures: the numbers an association (or the council) enters for a campaign's
// project — one value per project and figure, with who entered it, when, and a source note
// (README « Chiffres déclarés »). Owned by the results area.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("reported_figure")
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id").onDelete("cascade"))
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("project_id", "text", (c) => c.notNull().references("project.id").onDelete("cascade"))
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addColumn("value", "real", (c) => c.notNull())
    .addColumn("source_note", "text")
    .addColumn("entered_by_user_id", "text", (c) => c.references("user.id").onDelete("set null"))
    .addColumn("entered_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("reported_figure_pk", ["campaign_id", "project_id", "indicator_id"])
    .execute();
  await db.schema.createIndex("reported_figure_by_territory").on("reported_figure").columns(["territory_id", "campaign_id"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("reported_figure").execute();
}
