import { type Kysely, sql } from "kysely";

// Participation counters: responses per campaign, stakeholder group and source, kept by
// triggers on `response`, so results and participation read a handful of rows whatever the
// number of responses (counting `response` rows grew with them: 0.9 s at 500 000). Triggers
// rather than application code: every writer of a response (online submit, paper sheets,
// workshops, the demo seed, tests) keeps the counter right without knowing it exists.
// Aggregates only: no order, no day, nothing that points at one response.
//
// Also the moderation of free-text answers (owned by results): nobody reads a written answer in
// the results before a council editor approves it (or anonymises it: the edited text replaces
// the answer, the original is not kept). A decision is keyed by a hash of the answer
// (response, project, indicator), so the moderation page never carries a response id that
// would tie one person's several texts together; `response_id` is kept only for the cascade.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("response_tally")
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("group_id", "text", (c) => c.notNull())
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("territory_id", "text", (c) => c.notNull())
    .addColumn("responses", "integer", (c) => c.notNull().check(sql`responses >= 0`))
    .addPrimaryKeyConstraint("response_tally_pk", ["campaign_id", "group_id", "source"])
    .modifyEnd(sql`without rowid`)
    .execute();
  await sql`
    insert into response_tally (campaign_id, group_id, source, territory_id, responses)
    select campaign_id, group_id, source, territory_id, count(*) from response
    group by campaign_id, group_id, source, territory_id`.execute(db);
  await sql`
    create trigger response_tally_insert after insert on response
    begin
      insert into response_tally (campaign_id, group_id, source, territory_id, responses)
      values (new.campaign_id, new.group_id, new.source, new.territory_id, 1)
      on conflict (campaign_id, group_id, source) do update set responses = responses + 1;
    end`.execute(db);
  await sql`
    create trigger response_tally_delete after delete on response
    begin
      update response_tally set responses = responses - 1
      where campaign_id = old.campaign_id and group_id = old.group_id and source = old.source;
    end`.execute(db);
  await db.schema
    .createTable("text_moderation")
    .addColumn("answer_key", "text", (c) => c.primaryKey())
    .addColumn("response_id", "text", (c) => c.notNull().references("response.id").onDelete("cascade"))
    .addColumn("territory_id", "text", (c) => c.notNull())
    .addColumn("campaign_id", "text", (c) => c.notNull().references("campaign.id").onDelete("cascade"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('approved', 'rejected')`))
    .modifyEnd(sql`without rowid`)
    .execute();
  await db.schema.createIndex("text_moderation_by_campaign").on("text_moderation").columns(["campaign_id", "territory_id"]).execute();
  await db.schema.createIndex("text_moderation_by_response").on("text_moderation").column("response_id").execute();
  // A response is never moved today; should one be, its count moves with it.
  await sql`
    create trigger response_tally_update after update of campaign_id, group_id, source on response
    begin
      update response_tally set responses = responses - 1
      where campaign_id = old.campaign_id and group_id = old.group_id and source = old.source;
      insert into response_tally (campaign_id, group_id, source, territory_id, responses)
      values (new.campaign_id, new.group_id, new.source, new.territory_id, 1)
      on conflict (campaign_id, group_id, source) do update set responses = responses + 1;
    end`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const name of ["response_tally_insert", "response_tally_delete", "response_tally_update"]) await sql`drop trigger if exists ${sql.ref(name)}`.execute(db);
  await db.schema.dropTable("text_moderation").execute();
  await db.schema.dropTable("response_tally").execute();
}
