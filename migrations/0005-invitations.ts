import { type Kysely, sql } from "kysely";

// Invitations: one personal invitation per address and campaign, and outbox messages that know
// their campaign so its personal data can be erased at close (README « Invitations »).
export async function up(db: Kysely<unknown>): Promise<void> {
  // Addresses are stored trimmed and lower-cased; a second import of the same list adds nobody.
  await sql`
    create unique index invitation_one_per_email
    on invitation (campaign_id, email)
    where kind = 'personal' and email is not null`.execute(db);

  await db.schema
    .alterTable("outbox_message")
    .addColumn("campaign_id", "text", (c) => c.references("campaign.id").onDelete("cascade"))
    .execute();
  await db.schema.createIndex("outbox_by_campaign").on("outbox_message").columns(["campaign_id", "sent_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("outbox_by_campaign").execute();
  await db.schema.alterTable("outbox_message").dropColumn("campaign_id").execute();
  await sql`drop index invitation_one_per_email`.execute(db);
}
