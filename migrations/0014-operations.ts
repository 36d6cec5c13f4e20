import { type Kysely, sql } from "kysely";

// The outbox becomes a queue (issue #16): a worker claims a message (pending → sending) before
// it talks to SMTP, so two workers or two clicks never send it twice; a failure is retried with
// back-off up to a limit; a message caught mid-send by a crash is "uncertain", never resent on
// its own. Existing rows keep their meaning: sent_at → sent, error → failed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("outbox_message")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("pending").check(sql`status in ('pending', 'sending', 'sent', 'failed', 'uncertain')`))
    .execute();
  await db.schema.alterTable("outbox_message").addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable("outbox_message").addColumn("next_attempt_at", "text").execute();
  await db.schema.alterTable("outbox_message").addColumn("claimed_at", "text").execute();
  await sql`update outbox_message set status = case when sent_at is not null then 'sent' when error is not null then 'failed' else 'pending' end, attempts = case when sent_at is not null or error is not null then 1 else 0 end`.execute(db);
  await db.schema.createIndex("outbox_queue").on("outbox_message").columns(["status", "next_attempt_at", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("outbox_queue").execute();
  for (const column of ["claimed_at", "next_attempt_at", "attempts", "status"]) await db.schema.alterTable("outbox_message").dropColumn(column).execute();
}
