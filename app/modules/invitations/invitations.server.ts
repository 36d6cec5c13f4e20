import { sql } from "kysely";
import type { Db, DbOrTrx } from "../../../db/connection";
import { nowIso } from "../../lib/time";
import { getTerritoryName } from "../accounts/territories.server";
import { getCampaignScope } from "../campaigns/campaigns.server";
import { failureCollector, fieldFailure, formFailure, type Result } from "../failure";
import { undeliveredCampaignAddresses } from "../outbox/outbox.server";
import { normalizeEmail } from "./csv-import";
import { newInvitation } from "./invitation-row";
import type { AddPersonInput, OpenLinkInput, PaperInput } from "./forms";
import { canAddInvitations, personalStatus } from "./status";

export type Actor = { territoryId: string; userId: string };
type Label = { fr: string; en: string };

/** The campaign with its stakeholder groups (and their labels) and neighbourhoods; 404 if not ours. */
export async function loadInvitationCampaign(db: DbOrTrx, territoryId: string, campaignId: string) {
  const [{ campaign, groupIds, neighbourhoods, framework }, territoryName] = await Promise.all([getCampaignScope(db, territoryId, campaignId), getTerritoryName(db, territoryId)]);
  const labels = new Map<string, Label>(framework.definition.stakeholderGroups.map((g) => [g.id, g.label]));
  const groups = groupIds.map((id) => ({ id, label: labels.get(id) ?? { fr: id, en: id } }));
  return { campaign, groups, neighbourhoods, territoryName };
}

export type InvitationCampaign = Awaited<ReturnType<typeof loadInvitationCampaign>>;

/** Group and neighbourhood as the campaign knows them, or the field errors that say why not. */
export function checkPlace(campaign: InvitationCampaign, groupId: string, neighbourhood: string | undefined): Result<{ groupId: string; neighbourhood: string | null }> {
  const errors = failureCollector();
  if (!campaign.groups.some((g) => g.id === groupId)) errors.add("groupId", "invitations.errors.groupRequired");
  if (neighbourhood && !campaign.neighbourhoods.includes(neighbourhood)) errors.add("neighbourhood", "invitations.errors.neighbourhoodUnknown");
  return errors.failure() ?? { ok: true, groupId, neighbourhood: neighbourhood || null };
}

/** The campaign (404 if not ours), or the error that says it takes no more invitations. */
async function loadCampaignTakingInvitations(trx: DbOrTrx, territoryId: string, campaignId: string): Promise<Result<{ campaign: InvitationCampaign }>> {
  const campaign = await loadInvitationCampaign(trx, territoryId, campaignId);
  if (!canAddInvitations(campaign.campaign.state)) return formFailure("invitations.errors.closed");
  return { ok: true, campaign };
}

/** As `loadCampaignTakingInvitations`, with the new invitations' group and neighbourhood checked. */
async function loadCampaignAndPlace(
  trx: DbOrTrx,
  territoryId: string,
  campaignId: string,
  groupId: string,
  neighbourhood: string | undefined,
): Promise<Result<{ campaign: InvitationCampaign; groupId: string; neighbourhood: string | null }>> {
  const loaded = await loadCampaignTakingInvitations(trx, territoryId, campaignId);
  if (!loaded.ok) return loaded;
  const place = checkPlace(loaded.campaign, groupId, neighbourhood);
  if (!place.ok) return place;
  return { ...place, campaign: loaded.campaign };
}

/** Addresses in the territory's opt-out list, among the given ones. */
export async function optedOutAmong(db: DbOrTrx, territoryId: string, emails: string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db.selectFrom("email_opt_out").select("email").where("territory_id", "=", territoryId).where("email", "in", emails).execute();
  return new Set(rows.map((r) => r.email));
}

/**
 * How far the campaign's invitations went, per kind, group and neighbourhood: counts only
 * (sent, opened, used), never which invitation answered what.
 */
export async function tallyInvitations(db: DbOrTrx, territoryId: string, campaignId: string) {
  const rows = await db
    .selectFrom("invitation")
    // sum(case …) reads clearer as SQL than as nested builder calls.
    .select([
      "kind",
      "group_id",
      "neighbourhood",
      (eb) => eb.fn.countAll<number>().as("invitations"),
      sql<number>`sum(case when sent_at is not null then 1 else 0 end)`.as("sent"),
      sql<number>`sum(case when is_opened = 1 then 1 else 0 end)`.as("opened"),
      sql<number>`sum(case when response_count > 0 then 1 else 0 end)`.as("answered"),
      (eb) => eb.fn.sum<number>("response_count").as("responses"),
    ])
    .where("campaign_id", "=", campaignId)
    .where("territory_id", "=", territoryId)
    .groupBy(["kind", "group_id", "neighbourhood"])
    .execute();
  // « Envoyées » counts what really left: invitations whose e-mail still waits in the outbox are not sent.
  const undelivered = [...(await undeliveredCampaignAddresses(db, territoryId, campaignId))];
  const waiting =
    undelivered.length === 0
      ? []
      : await db
          .selectFrom("invitation")
          .select(["kind", "group_id", "neighbourhood", (eb) => eb.fn.countAll<number>().as("count")])
          .where("campaign_id", "=", campaignId)
          .where("territory_id", "=", territoryId)
          .where("sent_at", "is not", null)
          .where("email", "in", undelivered)
          .groupBy(["kind", "group_id", "neighbourhood"])
          .execute();
  const waitingIn = (r: { kind: string; group_id: string; neighbourhood: string | null }) =>
    Number(waiting.find((w) => w.kind === r.kind && w.group_id === r.group_id && w.neighbourhood === r.neighbourhood)?.count ?? 0);
  return rows.map((r) => ({
    kind: r.kind,
    groupId: r.group_id,
    neighbourhood: r.neighbourhood,
    invitations: Number(r.invitations),
    sent: Number(r.sent) - waitingIn(r),
    opened: Number(r.opened),
    answered: Number(r.answered),
    responses: Number(r.responses),
  }));
}

/** Everything the invitations page shows, by kind. */
export async function getInvitationsOverview(db: Db, territoryId: string, campaignId: string) {
  const context = await loadInvitationCampaign(db, territoryId, campaignId);
  const rows = await db
    .selectFrom("invitation")
    .select(["id", "kind", "code", "group_id", "neighbourhood", "email", "display_name", "max_responses", "response_count", "is_opened", "sent_at", "reminded_at", "created_at"])
    .where("campaign_id", "=", context.campaign.id)
    .where("territory_id", "=", territoryId)
    .orderBy("created_at")
    .orderBy("code")
    .execute();
  const personalRows = rows.filter((r) => r.kind === "personal");
  const optedOut = await optedOutAmong(db, territoryId, personalRows.flatMap((r) => (r.email ? [r.email] : [])));
  const undelivered = await undeliveredCampaignAddresses(db, territoryId, context.campaign.id);
  const personal = personalRows.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    email: r.email,
    groupId: r.group_id,
    neighbourhood: r.neighbourhood,
    status: personalStatus({ ...r, isOptedOut: Boolean(r.email && optedOut.has(r.email)), isAwaitingDelivery: Boolean(r.email && undelivered.has(r.email)) }),
  }));
  const openLinks = rows
    .filter((r) => r.kind === "open_link")
    .map((r) => ({ id: r.id, code: r.code, groupId: r.group_id, neighbourhood: r.neighbourhood, maxResponses: r.max_responses, responseCount: r.response_count }));
  const batches = new Map<string, { batch: string; groupId: string; neighbourhood: string | null; sheets: number; used: number }>();
  for (const r of rows.filter((r) => r.kind === "paper")) {
    const batch = batches.get(r.created_at) ?? { batch: r.created_at, groupId: r.group_id, neighbourhood: r.neighbourhood, sheets: 0, used: 0 };
    batch.sheets++;
    batch.used += r.response_count;
    batches.set(r.created_at, batch);
  }
  return { ...context, openLinks, personal, paperBatches: [...batches.values()] };
}

/** Adds one person; the address (if any) is stored lower-cased and once per campaign. */
export async function addPersonalInvitation(db: Db, actor: Actor, campaignId: string, input: AddPersonInput): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const place = await loadCampaignAndPlace(trx, actor.territoryId, campaignId, input.groupId, input.neighbourhood);
    if (!place.ok) return place;
    const { campaign } = place;
    const email = input.email ? normalizeEmail(input.email) : null;
    if (email) {
      const existing = await trx.selectFrom("invitation").select("id").where("campaign_id", "=", campaign.campaign.id).where("territory_id", "=", actor.territoryId).where("kind", "=", "personal").where("email", "=", email).executeTakeFirst();
      if (existing) return fieldFailure("email", "invitations.errors.alreadyInvited");
    }
    await trx.insertInto("invitation").values(newInvitation(actor.territoryId, campaign.campaign.id, "personal", place.groupId, place.neighbourhood, nowIso(), { email, display_name: input.name || null })).execute();
    return { ok: true as const };
  });
}


/** A new open link for a group (and neighbourhood), for a poster or social media. */
export async function addOpenLink(db: Db, actor: Actor, campaignId: string, input: OpenLinkInput): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const place = await loadCampaignAndPlace(trx, actor.territoryId, campaignId, input.groupId, input.neighbourhood);
    if (!place.ok) return place;
    const { campaign } = place;
    await trx.insertInto("invitation").values(newInvitation(actor.territoryId, campaign.campaign.id, "open_link", place.groupId, place.neighbourhood, nowIso(), { max_responses: input.cap ?? null })).execute();
    return { ok: true as const };
  });
}

/** Changes (or removes) an open link's cap; never below the responses it already has. */
export async function changeOpenLinkCap(db: Db, actor: Actor, campaignId: string, invitationId: string, cap: number | undefined): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const loaded = await loadCampaignTakingInvitations(trx, actor.territoryId, campaignId);
    if (!loaded.ok) return loaded;
    const { campaign } = loaded;
    const link = await trx
      .selectFrom("invitation")
      .select(["id", "response_count"])
      .where("id", "=", invitationId)
      .where("campaign_id", "=", campaign.campaign.id)
      .where("territory_id", "=", actor.territoryId)
      .where("kind", "=", "open_link")
      .executeTakeFirst();
    if (!link) throw new Response("Not found", { status: 404 });
    if (cap !== undefined && cap < link.response_count) return fieldFailure("cap", "invitations.errors.capBelowCount");
    await trx.updateTable("invitation").set({ max_responses: cap ?? null }).where("id", "=", link.id).where("territory_id", "=", actor.territoryId).execute();
    return { ok: true as const };
  });
}

/** Creates N paper sheets for a group; they share their creation instant, which names the batch. */
export async function createPaperInvitations(db: Db, actor: Actor, campaignId: string, input: PaperInput): Promise<Result<{ batch: string }>> {
  return db.transaction().execute(async (trx) => {
    const place = await loadCampaignAndPlace(trx, actor.territoryId, campaignId, input.groupId, input.neighbourhood);
    if (!place.ok) return place;
    const { campaign } = place;
    const batch = nowIso();
    const sheets = Array.from({ length: input.count }, () => newInvitation(actor.territoryId, campaign.campaign.id, "paper", place.groupId, place.neighbourhood, batch));
    await trx.insertInto("invitation").values(sheets).execute();
    return { ok: true as const, batch };
  });
}
