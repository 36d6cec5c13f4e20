import type { Db, DbOrTrx } from "../../../db/connection";
import type { PositionKind, StoryStatus } from "../../../db/schema";
import { newId } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { getCampaignScope } from "../campaigns/campaigns.server";
import { fieldFailure, type Result } from "../failure";
import { freeTextThreshold } from "../results/masking";
import { isStoryPublishable, moderateStory } from "./moderation";
import type { ModerationInput } from "./workshop-form";
import { findWorkshop, listWorkshopIndicators } from "./workshops.server";

// What a workshop leaves besides its votes: the group's collective position per indicator and
// the stories told, moderated before any result shows them.

function groupIdsOf(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** Records (or rewrites) the group's position on one of the workshop's indicators. */
export async function recordWorkshopPosition(db: Db, territoryId: string, workshopId: string, input: { indicatorId: string; kind: PositionKind; reasoning: string; minorityView?: string }): Promise<Result> {
  const workshop = await findWorkshop(db, territoryId, workshopId);
  const items = await listWorkshopIndicators(db, territoryId, workshop.id);
  if (!items.some((i) => i.indicatorId === input.indicatorId)) return fieldFailure("indicatorId", "workshops.errors.noIndicator");
  const minority = input.minorityView?.trim() ? input.minorityView.trim() : null;
  // A divided room has a minority by definition: its view is what the position is for.
  if (input.kind === "divided" && !minority) return fieldFailure("minorityView", "workshops.errors.minorityView");
  await db
    .insertInto("workshop_position")
    .values({ workshop_id: workshop.id, indicator_id: input.indicatorId, territory_id: territoryId, kind: input.kind, reasoning: input.reasoning, minority_view: minority })
    .onConflict((oc) => oc.columns(["workshop_id", "indicator_id"]).doUpdateSet({ kind: input.kind, reasoning: input.reasoning, minority_view: minority }))
    .execute();
  return { ok: true };
}

/** A story, kept only with the teller's consent (the form requires it, the database too). */
export async function addWorkshopStory(db: Db, territoryId: string, workshopId: string, input: { text: string; dimensionId: string; groupId: string }): Promise<Result> {
  const workshop = await findWorkshop(db, territoryId, workshopId);
  const scope = await getCampaignScope(db, territoryId, workshop.campaign_id);
  if (!scope.framework.definition.dimensions.some((d) => d.id === input.dimensionId)) return fieldFailure("dimensionId", "workshops.errors.dimension");
  if (!groupIdsOf(workshop.group_ids).includes(input.groupId)) return fieldFailure("groupId", "workshops.errors.group");
  await db
    .insertInto("workshop_story")
    .values({ id: newId(), workshop_id: workshop.id, territory_id: territoryId, dimension_id: input.dimensionId, project_id: workshop.project_id, group_id: input.groupId, text: input.text, has_consent: 1, created_at: nowIso() })
    .execute();
  return { ok: true };
}

/** Approve, reject, or anonymise (the edited text replaces the original, which is not kept). */
export async function moderateWorkshopStory(db: Db, territoryId: string, workshopId: string, input: ModerationInput): Promise<Result> {
  const workshop = await findWorkshop(db, territoryId, workshopId);
  const story = await db
    .selectFrom("workshop_story")
    .select(["id", "text"])
    .where("id", "=", input.storyId)
    .where("workshop_id", "=", workshop.id)
    .where("territory_id", "=", territoryId)
    .executeTakeFirst();
  if (!story) throw new Response("Not found", { status: 404 });
  const outcome = moderateStory(story, input);
  if (!outcome.ok) return fieldFailure("text", outcome.key);
  await db.updateTable("workshop_story").set({ status: outcome.status, text: outcome.text }).where("id", "=", story.id).where("territory_id", "=", territoryId).execute();
  return { ok: true };
}

async function listPositions(db: DbOrTrx, territoryId: string, workshopIds: readonly string[]) {
  if (workshopIds.length === 0) return [];
  const rows = await db
    .selectFrom("workshop_position")
    .select(["workshop_id", "indicator_id", "kind", "reasoning", "minority_view"])
    .where("territory_id", "=", territoryId)
    .where("workshop_id", "in", workshopIds)
    .execute();
  return rows.map((r) => ({ workshopId: r.workshop_id, indicatorId: r.indicator_id, kind: r.kind, reasoning: r.reasoning, minorityView: r.minority_view }));
}

async function listStories(db: DbOrTrx, territoryId: string, workshopIds: readonly string[], status?: StoryStatus) {
  if (workshopIds.length === 0) return [];
  let query = db
    .selectFrom("workshop_story")
    .select(["id", "workshop_id", "dimension_id", "project_id", "group_id", "text", "status"])
    .where("territory_id", "=", territoryId)
    .where("workshop_id", "in", workshopIds);
  if (status) query = query.where("status", "=", status);
  const rows = await query.orderBy("created_at").execute();
  return rows.map((r) => ({ id: r.id, workshopId: r.workshop_id, dimensionId: r.dimension_id, projectId: r.project_id, groupId: r.group_id, text: r.text, status: r.status }));
}

/** How many people of each group voted in a workshop (the most votes on any one indicator). */
async function workshopGroupSizes(db: DbOrTrx, territoryId: string, workshopId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("workshop_vote")
    .select(["group_id", "indicator_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("workshop_id", "=", workshopId)
    .where("territory_id", "=", territoryId)
    .groupBy(["group_id", "indicator_id"])
    .execute();
  const sizes = new Map<string, number>();
  for (const r of rows) sizes.set(r.group_id, Math.max(sizes.get(r.group_id) ?? 0, Number(r.n)));
  return sizes;
}

/** The facilitator's page after the votes: positions, stories to moderate, the framework's words. */
export async function getWorkshopFindingsPage(db: Db, territoryId: string, workshopId: string) {
  const workshop = await findWorkshop(db, territoryId, workshopId);
  const scope = await getCampaignScope(db, territoryId, workshop.campaign_id);
  const definition = scope.framework.definition;
  const items = await listWorkshopIndicators(db, territoryId, workshop.id);
  const groupIds = groupIdsOf(workshop.group_ids);
  return {
    workshop: { id: workshop.id, place: workshop.place, heldOn: workshop.held_on, campaignId: workshop.campaign_id },
    indicators: items.flatMap((item) => {
      const indicator = definition.indicators.find((i) => i.id === item.indicatorId);
      return indicator ? [{ id: indicator.id, label: indicator.label, voteState: item.voteState }] : [];
    }),
    dimensions: definition.dimensions.map((d) => ({ id: d.id, label: d.label })),
    groups: definition.stakeholderGroups.filter((g) => groupIds.includes(g.id)).map((g) => ({ id: g.id, label: g.label })),
    positions: await listPositions(db, territoryId, [workshop.id]),
    stories: await listStories(db, territoryId, [workshop.id]),
    freeTextThreshold: freeTextThreshold({ k: scope.campaign.k, kFreeText: definition.privacy.kFreeText }),
  };
}

/**
 * For the review area: a closed campaign's collective positions and its publishable stories
 * (approved, from a group at the free-text threshold). Nothing while the campaign is open.
 */
export async function listWorkshopFindings(db: Db, territoryId: string, campaignId: string) {
  const scope = await getCampaignScope(db, territoryId, campaignId);
  if (scope.campaign.state === "draft" || scope.campaign.state === "open") return { positions: [], stories: [] };
  const workshops = await db.selectFrom("workshop").select(["id", "project_id"]).where("territory_id", "=", territoryId).where("campaign_id", "=", scope.campaign.id).execute();
  const projectOf = new Map(workshops.map((w) => [w.id, w.project_id]));
  const ids = workshops.map((w) => w.id);
  const threshold = freeTextThreshold({ k: scope.campaign.k, kFreeText: scope.framework.definition.privacy.kFreeText });
  const approved = await listStories(db, territoryId, ids, "approved");
  const sizes = new Map(await Promise.all(ids.map(async (id) => [id, await workshopGroupSizes(db, territoryId, id)] as const)));
  const stories = approved
    .filter((s) => isStoryPublishable(s, sizes.get(s.workshopId) ?? new Map(), threshold))
    .map((s) => ({ workshopId: s.workshopId, dimensionId: s.dimensionId, projectId: s.projectId, groupId: s.groupId, text: s.text }));
  // Each position says which project it is about: the workshop's (the review sorts them by project).
  const positions = (await listPositions(db, territoryId, ids)).map((p) => ({ ...p, projectId: projectOf.get(p.workshopId) ?? "" }));
  return { positions, stories };
}

