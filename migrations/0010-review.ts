import { type Kysely, sql } from "kysely";

// The shared evaluation (README « Évaluation partagée ») : a draft generated when a campaign
// goes to review, its findings, the stakeholders' positions and comments, the council's answers
// and commitments, and the frozen snapshot the public pages read once published.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table evaluation (
      id text primary key,
      territory_id text not null references territory(id) on delete cascade,
      campaign_id text not null unique references campaign(id) on delete cascade,
      state text not null default 'draft' check (state in ('draft', 'review', 'review_closed', 'published')),
      summary text not null default '',
      created_at text not null,
      review_opened_at text,
      review_closed_at text,
      published_at text,
      snapshot text,
      check (state <> 'published' or (snapshot is not null and published_at is not null))
    )`.execute(db);
  await sql`create index evaluation_by_territory on evaluation (territory_id, state)`.execute(db);
  // A published evaluation is what the public read and downloaded: like a published framework
  // version, the database refuses to change or delete it.
  await sql`
    create trigger evaluation_published_is_frozen before update on evaluation
    when old.state = 'published'
    begin select raise(abort, 'a published evaluation cannot change'); end`.execute(db);
  await sql`
    create trigger evaluation_published_is_kept before delete on evaluation
    when old.state = 'published'
    begin select raise(abort, 'a published evaluation cannot be deleted'); end`.execute(db);

  await sql`
    create table finding (
      id text primary key,
      territory_id text not null references territory(id) on delete cascade,
      evaluation_id text not null references evaluation(id) on delete cascade,
      project_id text not null references project(id),
      dimension_id text not null,
      position integer not null,
      title text not null,
      body text not null,
      figures text not null,
      unique (evaluation_id, project_id, dimension_id)
    )`.execute(db);

  await sql`
    create table finding_review (
      id text primary key,
      territory_id text not null references territory(id) on delete cascade,
      finding_id text not null references finding(id) on delete cascade,
      user_id text not null references user(id),
      association_id text references association(id),
      position text not null check (position in ('agree', 'nuance', 'disagree')),
      reason text not null,
      rewording text,
      updated_at text not null,
      unique (finding_id, user_id)
    )`.execute(db);

  await sql`
    create table review_comment (
      id text primary key,
      territory_id text not null references territory(id) on delete cascade,
      finding_id text not null references finding(id) on delete cascade,
      user_id text not null references user(id),
      body text not null,
      created_at text not null
    )`.execute(db);

  await sql`
    create table council_answer (
      finding_id text primary key references finding(id) on delete cascade,
      territory_id text not null references territory(id) on delete cascade,
      response text not null,
      user_id text not null references user(id),
      answered_at text not null
    )`.execute(db);

  // A commitment names its project so the next campaign on that project shows it again
  // (« ce qui avait été promis / ce qui a été fait »); the outcome is written then.
  await sql`
    create table commitment (
      id text primary key,
      territory_id text not null references territory(id) on delete cascade,
      finding_id text not null references finding(id) on delete cascade,
      project_id text not null references project(id),
      what text not null,
      who text not null,
      due_on text,
      outcome text,
      created_at text not null
    )`.execute(db);
  await sql`create index commitment_by_project on commitment (territory_id, project_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["commitment", "council_answer", "review_comment", "finding_review", "finding", "evaluation"]) {
    await sql`drop table ${sql.table(table)}`.execute(db);
  }
}
