import { type Kysely, sql } from "kysely";

// Comments by the stakeholders the council invites without an account (migration 0016): they
// live apart from members' (`review_comment` needs a user) and are named by the guest's label.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table guest_review_comment (
      id text primary key,
      territory_id text not null references territory(id) on delete cascade,
      finding_id text not null references finding(id) on delete cascade,
      guest_id text not null references review_guest(id) on delete cascade,
      body text not null check (length(body) between 1 and 2000),
      created_at text not null
    )`.execute(db);
  await sql`create index guest_review_comment_by_finding on guest_review_comment (territory_id, finding_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table guest_review_comment`.execute(db);
}
