import { type Kysely, sql } from "kysely";

// Campaigns, invitations, survey drafts, responses and the count cells results are read from.
// Anonymity (DESIGN.md §4) is a property of this schema: see README « Anonymat ».
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("campaign")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("framework_version_id", "text", (c) => c.notNull().references("framework_version.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("description", "text", (c) => c.notNull().defaultTo(""))
    .addColumn("state", "text", (c) =>
      c.notNull().defaultTo("draft").check(sql`state in ('draft', 'open', 'closed', 'in_review', 'published')`),
    )
    .addColumn("is_anonymous", "integer", (c) => c.notNull().defaultTo(1).check(sql`is_anonymous in (0, 1)`))
    .addColumn("k", "integer", (c) => c.notNull().defaultTo(5).check(sql`k >= 3`))
    .addColumn("opens_on", "text")
    .addColumn("closes_on", "text")
    .addColumn("created_by_user_id", "text", (c) => c.references("user.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("personal_data_deleted_at", "text")
    .execute();
  await db.schema.createIndex("campaign_by_territory").on("campaign").columns(["territory_id", "created_at"]).execute();

  // Questions, anonymity and k are fixed once the campaign leaves draft.
  await sql`
    create trigger campaign_frozen_once_open
    before update of framework_version_id, is_anonymous, k on campaign
    when old.state <> 'draft'
      and (new.framework_version_id is not old.framework_version_id or new.is_anonymous is not old.is_anonymous or new.k is not old.k)
    begin
      select raise(abort, 'campaign questions are frozen once open');
    end`.execute(db);

  await db.schema
    .createTable("campaign_project")
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("project_id", "text", (c) => c.notNull().references("project.id"))
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("campaign_project_pk", ["campaign_id", "project_id"])
    .execute();

  await db.schema
    .createTable("campaign_group")
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("campaign_group_pk", ["campaign_id", "group_id"])
    .execute();

  await db.schema
    .createTable("campaign_neighbourhood")
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("campaign_neighbourhood_pk", ["campaign_id", "name"])
    .execute();

  for (const table of ["campaign_project", "campaign_group", "campaign_neighbourhood"]) {
    for (const event of ["insert", "delete"]) {
      const row = event === "insert" ? "new" : "old";
      // Trigger names are built from the two fixed lists above, never from input.
      // eslint-disable-next-line no-restricted-syntax
      const triggerName = sql.raw(`${table}_frozen_on_${event}`);
      await sql`
        create trigger ${triggerName}
        before ${sql.raw(event)} on ${sql.table(table)}
        when (select state from campaign where id = ${sql.raw(row)}.campaign_id) <> 'draft'
        begin
          select raise(abort, 'campaign questions are frozen once open');
        end`.execute(db);
    }
  }

  // personal: one person, one response. open_link: a poster or a social-media link for one group
  // (optional cap). paper: one printed sheet, typed in later by a facilitator.
  await db.schema
    .createTable("invitation")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('personal', 'open_link', 'paper')`))
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("neighbourhood", "text")
    .addColumn("email", "text")
    .addColumn("display_name", "text")
    .addColumn("max_responses", "integer")
    .addColumn("response_count", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("is_opened", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("sent_at", "text")
    .addColumn("reminded_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addCheckConstraint("personal_is_single_use", sql`kind = 'open_link' or response_count <= 1`)
    .addCheckConstraint("open_link_cap", sql`max_responses is null or response_count <= max_responses`)
    .execute();
  await db.schema.createIndex("invitation_by_campaign").on("invitation").columns(["campaign_id", "group_id"]).execute();

  await db.schema
    .createTable("email_opt_out")
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("email_opt_out_pk", ["territory_id", "email"])
    .execute();

  // What a respondent typed before submitting, so they can stop and resume with a code.
  // Deleted in the submission transaction (and secure_delete overwrites it).
  await db.schema
    .createTable("survey_draft")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("invitation_id", "text", (c) => c.notNull().references("invitation.id").onDelete("cascade"))
    .addColumn("resume_code", "text", (c) => c.notNull().unique())
    .addColumn("answers", "text", (c) => c.notNull().defaultTo("{}").check(sql`json_valid(answers)`))
    .addColumn("step", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("updated_on", "text", (c) => c.notNull())
    .execute();

  // The unique key that makes a submission happen once: the invitation id for a personal
  // invitation, the draft id for an open link. A replayed POST hits the primary key.
  // WITHOUT ROWID + random keys: no hidden rowid that follows submission order.
  await db.schema
    .createTable("submission_receipt")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .modifyEnd(sql`without rowid`)
    .execute();

  // A response carries no time finer than the day and, in an anonymous campaign, no invitation.
  // Its id is random and the table has no rowid, so neither id nor storage order follows
  // submission order.
  await db.schema
    .createTable("response")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull().check(sql`source in ('online', 'paper', 'workshop')`))
    .addColumn("invitation_id", "text", (c) => c.references("invitation.id"))
    .addColumn("submitted_on", "text", (c) => c.notNull().check(sql`length(submitted_on) = 10`))
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`create unique index response_one_per_invitation on response (invitation_id) where invitation_id is not null`.execute(db);
  await db.schema.createIndex("response_by_campaign").on("response").columns(["campaign_id", "group_id", "submitted_on"]).execute();
  await sql`
    create trigger response_anonymous_is_unlinked
    before insert on response
    when new.invitation_id is not null and (select is_anonymous from campaign where id = new.campaign_id) = 1
    begin
      select raise(abort, 'an anonymous response cannot reference an invitation');
    end`.execute(db);

  await db.schema
    .createTable("answer")
    .addColumn("response_id", "text", (c) => c.notNull().references("response.id").onDelete("cascade"))
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("answer_pk", ["response_id", "project_id", "indicator_id"])
    .modifyEnd(sql`without rowid`)
    .execute();

  // DESIGN.md §6: every closed answer is a count in a cell; results read only these.
  await db.schema
    .createTable("count_cell")
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("project_id", "text", (c) => c.notNull())
    .addColumn("indicator_id", "text", (c) => c.notNull())
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("value", "text", (c) => c.notNull())
    .addColumn("territory_id", "text", (c) => c.notNull())
    .addColumn("count", "integer", (c) => c.notNull().check(sql`count >= 0`))
    .addPrimaryKeyConstraint("count_cell_pk", ["campaign_id", "project_id", "indicator_id", "group_id", "source", "value"])
    .modifyEnd(sql`without rowid`)
    .execute();

  // « Prévenez-moi de la publication » : kept apart from responses, never linked to them.
  await db.schema
    .createTable("results_subscriber")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("territory_id", "text", (c) => c.notNull().references("territory.id"))
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("email", "text", (c) => c.notNull())
    .addUniqueConstraint("results_subscriber_once", ["campaign_id", "email"])
    .modifyEnd(sql`without rowid`)
    .execute();
}
