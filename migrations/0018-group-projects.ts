import { type Kysely, sql } from "kysely";

// Which of a campaign's projects each stakeholder group is NOT asked about (issue #15: residents
// cannot judge public procurement clauses). Stored as exclusions so that every existing
// campaign, and every new project or group, stays « asked » without a backfill. Frozen with
// the campaign's questions once it leaves draft, like campaign_project and campaign_group.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table campaign_group_unasked (
      -- Scopes every query; no foreign key of its own: rows go with their campaign (cascade), so
      -- a territory's deletion never reaches them before the campaign's state is gone.
      territory_id text not null,
      campaign_id text not null references campaign(id) on delete cascade,
      group_id text not null,
      project_id text not null references project(id),
      primary key (campaign_id, group_id, project_id)
    )`.execute(db);
  for (const event of ["insert", "delete", "update"] as const) {
    const row = event === "insert" ? "new" : "old";
    // Names and events come from the fixed list above, never from input.
    // eslint-disable-next-line no-restricted-syntax
    const name = sql.raw(`campaign_group_unasked_frozen_on_${event}`);
    await sql`
      create trigger ${name}
      before ${sql.raw(event)} on campaign_group_unasked
      when (select state from campaign where id = ${sql.raw(row)}.campaign_id) <> 'draft'
      begin
        select raise(abort, 'campaign questions are frozen once open');
      end`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table campaign_group_unasked`.execute(db);
}
