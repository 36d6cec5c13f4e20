import type { Db, DbOrTrx } from "../../../db/connection";
import { createTranslator, DEFAULT_LOCALE, type Locale, localized, type Messages } from "../../i18n/i18n";
import { toExcelCsv } from "../../lib/csv";
import { nowIso } from "../../lib/time";
import { type Failure, formFailure } from "../failure";
import { checkInvitationCsv, decodeCsvBytes, type ImportCheck } from "./csv-import";
import { newInvitation } from "./invitation-row";
import { type Actor, type InvitationCampaign, loadInvitationCampaign, optedOutAmong } from "./invitations.server";
import { undeliveredCampaignAddresses } from "../outbox/outbox.server";
import { canAddInvitations, personalStatus } from "./status";

async function invitedEmails(db: DbOrTrx, territoryId: string, campaignId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom("invitation")
    .select("email")
    .where("campaign_id", "=", campaignId)
    .where("territory_id", "=", territoryId)
    .where("kind", "=", "personal")
    .where("email", "is not", null)
    .execute();
  return new Set(rows.map((r) => r.email!));
}

async function check(db: DbOrTrx, campaign: InvitationCampaign, territoryId: string, text: string): Promise<ImportCheck> {
  const alreadyInvited = await invitedEmails(db, territoryId, campaign.campaign.id);
  return checkInvitationCsv(text, { groups: campaign.groups, neighbourhoods: campaign.neighbourhoods, alreadyInvited });
}

/** The import page: the campaign and the groups and neighbourhoods a file may name. */
export async function loadImportPage(db: Db, territoryId: string, campaignId: string) {
  const { campaign, groups, neighbourhoods } = await loadInvitationCampaign(db, territoryId, campaignId);
  return { campaign: { id: campaign.id, title: campaign.title }, groups, neighbourhoods, canAdd: canAddInvitations(campaign.state) };
}

/** The preview: what an import of this text would do, line by line. Writes nothing. */
export async function previewInvitationImport(db: Db, territoryId: string, campaignId: string, text: string): Promise<ImportCheck> {
  const campaign = await loadInvitationCampaign(db, territoryId, campaignId);
  return check(db, campaign, territoryId, text);
}

/** The upload step: decodes the file's bytes (UTF-8 or Windows-1252) and previews them. */
export async function previewInvitationUpload(db: Db, territoryId: string, campaignId: string, bytes: Uint8Array) {
  const text = decodeCsvBytes(bytes);
  return { text, check: await previewInvitationImport(db, territoryId, campaignId, text) };
}

/** A refused import keeps the file's check (its lines and their errors) to show again. */
export type ImportOutcome = { ok: true; imported: number } | (Failure & { check: ImportCheck | null });

const refused = (check: ImportCheck, key?: string): ImportOutcome => ({ ...(key ? formFailure(key) : { ok: false, fieldErrors: {}, formErrors: [] }), check });

/**
 * Imports the list, re-checked here (the preview is never trusted). All or nothing: any bad
 * line stops the import unless the person chose to skip bad lines.
 */
export async function importInvitations(db: Db, actor: Actor, campaignId: string, text: string, skipBadLines: boolean): Promise<ImportOutcome> {
  return db.transaction().execute(async (trx) => {
    const campaign = await loadInvitationCampaign(trx, actor.territoryId, campaignId);
    if (!canAddInvitations(campaign.campaign.state)) return { ...formFailure("invitations.errors.closed"), check: null };
    const result = await check(trx, campaign, actor.territoryId, text);
    // A file that cannot be read says why; one with no line to import shows its lines.
    if (!result.ok) return { ...result, check: null };
    if (result.errors.length > 0 && !skipBadLines) return refused(result, "invitations.csv.mustSkip");
    if (result.rows.length === 0) return refused(result);
    const createdAt = nowIso();
    const values = result.rows.map((row) => newInvitation(actor.territoryId, campaign.campaign.id, "personal", row.groupId, row.neighbourhood, createdAt, { email: row.email, display_name: row.name }));
    // SQLite caps bound parameters per statement: insert in slices.
    for (let i = 0; i < values.length; i += 500) await trx.insertInto("invitation").values(values.slice(i, i + 500)).execute();
    return { ok: true as const, imported: values.length };
  });
}

/**
 * The personal invitations as a CSV Excel-FR opens directly (toExcelCsv: « ; », BOM, no formulas;
 * a cell Excel would run as a formula is kept as text), headers and statuses in the page's language.
 */
export async function exportInvitationsCsv(db: Db, territoryId: string, campaignId: string, baseUrl: string, locale: Locale = DEFAULT_LOCALE): Promise<{ filename: string; csv: string }> {
  const t = createTranslator(locale);
  const campaign = await loadInvitationCampaign(db, territoryId, campaignId);
  const rows = await db
    .selectFrom("invitation")
    .select(["code", "group_id", "neighbourhood", "email", "display_name", "response_count", "is_opened", "sent_at", "reminded_at"])
    .where("campaign_id", "=", campaign.campaign.id)
    .where("territory_id", "=", territoryId)
    .where("kind", "=", "personal")
    .orderBy("created_at")
    .orderBy("code")
    .execute();
  const optedOut = await optedOutAmong(db, territoryId, rows.flatMap((r) => (r.email ? [r.email] : [])));
  const undelivered = await undeliveredCampaignAddresses(db, territoryId, campaignId);
  const labels = new Map(campaign.groups.map((g) => [g.id, localized(locale, g.label)]));
  const header = (column: keyof Messages["invitations"]["personal"]["csvHeaders"]) => t(`invitations.personal.csvHeaders.${column}`);
  const csv = toExcelCsv(rows, [
    { header: header("name"), text: (r) => r.display_name },
    { header: header("email"), text: (r) => r.email },
    { header: header("group"), text: (r) => labels.get(r.group_id) ?? r.group_id },
    { header: header("neighbourhood"), text: (r) => r.neighbourhood },
    { header: header("code"), text: (r) => r.code },
    { header: header("link"), text: (r) => `${baseUrl}/s/${r.code}` },
    { header: header("status"), text: (r) => t(`invitations.personal.status.${personalStatus({ ...r, isOptedOut: Boolean(r.email && optedOut.has(r.email)), isAwaitingDelivery: Boolean(r.email && undelivered.has(r.email)) })}`) },
  ]);
  return { filename: `invitations-${campaign.campaign.id.slice(0, 8)}.csv`, csv };
}

/**
 * A file to fill in: the headers the import reads and two example rows with this campaign's
 * first group (and neighbourhood), one of them without an address (a printed sheet).
 */
export async function invitationCsvTemplate(db: Db, territoryId: string, campaignId: string): Promise<{ filename: string; csv: string }> {
  const { groups, neighbourhoods } = await loadInvitationCampaign(db, territoryId, campaignId);
  const group = groups[0]?.label.fr ?? "";
  const neighbourhood = neighbourhoods[0] ?? "";
  const examples = [
    { name: "Hélène Dupré", email: "helene.dupre@exemple.fr" },
    { name: "Karim Benali", email: "" },
  ];
  const csv = toExcelCsv(examples, [
    { header: "nom", text: (r) => r.name },
    { header: "email", text: (r) => r.email },
    { header: "groupe", text: () => group },
    { header: "quartier", text: () => neighbourhood },
  ]);
  return { filename: "modele-invitations.csv", csv };
}
