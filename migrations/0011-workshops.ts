import { type Kysely, sql } from "kysely";

// Workshops (issue #14): in-person sessions with live votes, the group's collective positions
// and the stories told. Votes reach results only as count cells of source 'workshop', written
// by the surveys area when a vote closes; stories only after moderation.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("workshop")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("held_on", "text", (c) => c.notNull().check(sql`length(held_on) = 10`))
    .addColumn("place", "text", (c) => c.notNull())
    .addColumn("join_code", "text", (c) => c.notNull().unique())
    // The groups present, in order, as a JSON array of the campaign's group ids.
    .addColumn("group_ids", "text", (c) => c.notNull().check(sql`json_valid(group_ids) and json_array_length(group_ids) > 0`))
    .addColumn("current_position", "integer", (c) => c.notNull().defaultTo(0))
    // How many phones joined: a counter, no row per participant.
    .addColumn("joined_count", "integer", (c) => c.notNull().defaultTo(0).check(sql`joined_count >= 0`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("workshop_by_campaign").on("workshop").columns(["territory_id", "campaign_id"]).execute();

  // The indicators discussed, in order; a vote goes pending → open → closed once (closing
  // writes its count cells, so it never reopens: a reopened vote would count twice).
  await db.schema
    .createTable("workshop_indicator")
    .addColumn("workshop_id", "text", (c) => c.notNull().references("workshop.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("territory_id", "text", (c) => c.notNull())
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addColumn("vote_state", "text", (c) => c.notNull().defaultTo("pending").check(sql`vote_state in ('pending', 'open', 'closed')`))
    .addPrimaryKeyConstraint("workshop_indicator_pk", ["workshop_id", "position"])
    .addUniqueConstraint("workshop_indicator_once", ["workshop_id", "indicator_id"])
    .modifyEnd(sql`without rowid`)
    .execute();

  // One vote per participant per indicator, by the unique index below. No time column, a random
  // id, no rowid: neither a column nor the storage order follows who voted when. The
  // participant is a hash of a random token that lives only in their cookie; it is erased when
  // the vote closes.
  await db.schema
    .createTable("workshop_vote")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workshop_id", "text", (c) => c.notNull().references("workshop.id").onDelete("cascade"))
    .addColumn("territory_id", "text", (c) => c.notNull())
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("participant_hash", "text")
    .addColumn("value", "text", (c) => c.notNull())
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`create unique index workshop_vote_one_per_participant on workshop_vote (workshop_id, indicator_id, participant_hash) where participant_hash is not null`.execute(db);
  await db.schema.createIndex("workshop_vote_by_indicator").on("workshop_vote").columns(["workshop_id", "indicator_id", "value"]).execute();

  await db.schema
    .createTable("workshop_position")
    .addColumn("workshop_id", "text", (c) => c.notNull().references("workshop.id").onDelete("cascade"))
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addColumn("territory_id", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('consensus', 'majority', 'divided')`))
    .addColumn("reasoning", "text", (c) => c.notNull())
    .addColumn("minority_view", "text")
    .addPrimaryKeyConstraint("workshop_position_pk", ["workshop_id", "indicator_id"])
    .modifyEnd(sql`without rowid`)
    .execute();

  // A story is kept only with the teller's consent (CHECK); it reaches results only approved.
  await db.schema
    .createTable("workshop_story")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("workshop_id", "text", (c) => c.notNull().references("workshop.id").onDelete("cascade"))
    .addColumn("territory_id", "text", (c) => c.notNull())
    .addColumn("dimension_id", "text", (c) => c.notNull())
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("has_consent", "integer", (c) => c.notNull().check(sql`has_consent = 1`))
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending', 'approved', 'rejected')`))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("workshop_story_by_workshop").on("workshop_story").columns(["workshop_id", "status"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["workshop_story", "workshop_position", "workshop_vote", "workshop_indicator", "workshop"]) await db.schema.dropTable(table).execute();
}
