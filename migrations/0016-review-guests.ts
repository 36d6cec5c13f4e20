import { type Kysely, sql } from "kysely";

// Stakeholders the council invites to a review without an account (a resident representative,
// a partner): a personal link (only its hash is kept) and the label their positions are named
// by. Their positions live apart from members' (`finding_review` needs a user).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table review_guest (
      id text primary key,
      territory_id text not null references territory(id) on delete cascade,
      evaluation_id text not null references evaluation(id) on delete cascade,
      label text not null check (length(label) between 1 and 120),
      token_hash text not null unique,
      invited_by text not null references user(id),
      created_at text not null
    )`.execute(db);
  await sql`create index review_guest_by_evaluation on review_guest (territory_id, evaluation_id)`.execute(db);

  await sql`
    create table guest_finding_review (
      id text primary key,
      territory_id text not null references territory(id) on delete cascade,
      finding_id text not null references finding(id) on delete cascade,
      guest_id text not null references review_guest(id) on delete cascade,
      position text not null check (position in ('agree', 'nuance', 'disagree')),
      reason text not null,
      rewording text,
      updated_at text not null,
      unique (finding_id, guest_id)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table guest_finding_review`.execute(db);
  await sql`drop table review_guest`.execute(db);
}
