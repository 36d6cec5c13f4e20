import type { Db, DbOrTrx } from "../../../db/connection";
import type { Framework } from "../../../evaluation-frameworks/schema";
import { newCode } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { findCampaign, getCampaignScope } from "../campaigns/campaigns.server";
import { loadFrameworkDefinition } from "../frameworks/frameworks.server";
import { fieldFailure, formFailure, type Result } from "../failure";
import { questionIndicators } from "../frameworks/indicators";
import { countedValues } from "../surveys/questions";
import { addSourceCountCells, type SourceCell } from "../surveys/source-writes.server";
import { boardDistribution, voteOptions } from "./board";
import { announceWorkshopChange } from "./live.server";
import type { ControlAction, WorkshopInput } from "./workshop-form";
import { isAsked } from "../campaigns/group-projects";

// Workshops of a campaign, seen by the facilitator: creation, the vote controls and the live
// board. Participants' side: votes.server.ts; positions and stories: findings.server.ts.

const notFound = () => new Response("Not found", { status: 404 });

type Scale = Framework["scales"][number];

/** The indicators a room can vote on: questions on a closed, single-answer scale. */
export function votableIndicators(framework: Framework, groupIds: readonly string[]) {
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  return questionIndicators(framework, groupIds).flatMap((indicator) => {
    const scale = scales.get(indicator.scale);
    return scale && voteOptions(scale) ? [{ indicator, scale }] : [];
  });
}

/** The campaign's workshops and what the creation form offers (projects, groups, indicators). */
export async function listCampaignWorkshops(db: Db, territoryId: string, campaignId: string) {
  const scope = await getCampaignScope(db, territoryId, campaignId);
  const rows = await db
    .selectFrom("workshop")
    .select(["id", "held_on", "place", "join_code", "project_id"])
    .where("territory_id", "=", territoryId)
    .where("campaign_id", "=", scope.campaign.id)
    .orderBy("held_on", "desc")
    .execute();
  const definition = scope.framework.definition;
  const groups = definition.stakeholderGroups.filter((g) => scope.groupIds.includes(g.id)).map((g) => ({ id: g.id, label: g.label }));
  return {
    campaign: { id: scope.campaign.id, title: scope.campaign.title, state: scope.campaign.state },
    isOpen: scope.campaign.state === "open",
    projects: scope.projects.map((p) => ({ id: p.id, name: p.name })),
    groups,
    indicators: votableIndicators(definition, scope.groupIds).map(({ indicator }) => ({ id: indicator.id, label: indicator.label })),
    workshops: rows.map((r) => ({ id: r.id, heldOn: r.held_on, place: r.place, joinCode: r.join_code, projectName: scope.projects.find((p) => p.id === r.project_id)?.name ?? "" })),
  };
}

/** A workshop in an open campaign, on one of its projects, with its groups and votable indicators. */
export async function createWorkshop(db: Db, territoryId: string, campaignId: string, input: WorkshopInput): Promise<Result<{ id: string }>> {
  const scope = await getCampaignScope(db, territoryId, campaignId);
  if (scope.campaign.state !== "open") return formFailure("workshops.errors.campaignNotOpen");
  if (!scope.projects.some((p) => p.id === input.projectId)) return fieldFailure("projectId", "workshops.errors.project");
  const groupIds = [...new Set(input.groupIds)];
  if (groupIds.some((g) => !scope.groupIds.includes(g))) return fieldFailure("groupIds", "workshops.errors.groups");
  // A workshop's votes count as that group's answers about the project: only a group asked about it.
  const notAsked = groupIds.find((g) => !isAsked(scope.unasked, g, input.projectId));
  if (notAsked) return fieldFailure("groupIds", "workshops.errors.groupNotAsked", { group: scope.framework.definition.stakeholderGroups.find((g) => g.id === notAsked)?.label ?? notAsked });
  const votable = new Set(votableIndicators(scope.framework.definition, groupIds).map((v) => v.indicator.id));
  const indicatorIds = [...new Set(input.indicatorIds)];
  if (indicatorIds.some((id) => !votable.has(id))) return fieldFailure("indicatorIds", "workshops.errors.indicators");
  const id = newCode(16);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("workshop")
      .values({ id, territory_id: territoryId, campaign_id: scope.campaign.id, project_id: input.projectId, held_on: input.heldOn, place: input.place, join_code: newCode(6), group_ids: JSON.stringify(groupIds), created_at: nowIso() })
      .execute();
    await trx
      .insertInto("workshop_indicator")
      .values(indicatorIds.map((indicatorId, position) => ({ workshop_id: id, position, territory_id: territoryId, indicator_id: indicatorId })))
      .execute();
  });
  return { ok: true, id };
}

/** The workshop row of the territory, or a 404. */
export async function findWorkshop(db: DbOrTrx, territoryId: string, workshopId: string) {
  const row = await db.selectFrom("workshop").selectAll().where("id", "=", workshopId).where("territory_id", "=", territoryId).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function listWorkshopIndicators(db: DbOrTrx, territoryId: string, workshopId: string) {
  const rows = await db
    .selectFrom("workshop_indicator")
    .select(["position", "indicator_id", "vote_state"])
    .where("workshop_id", "=", workshopId)
    .where("territory_id", "=", territoryId)
    .orderBy("position")
    .execute();
  return rows.map((r) => ({ position: r.position, indicatorId: r.indicator_id, voteState: r.vote_state }));
}

/** Votes per value for one indicator of a workshop. */
export async function tallyVotes(db: DbOrTrx, territoryId: string, workshopId: string, indicatorId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom("workshop_vote")
    .select(["value", (eb) => eb.fn.countAll<number>().as("n")])
    .where("workshop_id", "=", workshopId)
    .where("territory_id", "=", territoryId)
    .where("indicator_id", "=", indicatorId)
    .groupBy("value")
    .execute();
  return new Map(rows.map((r) => [r.value, Number(r.n)]));
}

export type BoardState = Awaited<ReturnType<typeof getBoardState>>;

/**
 * What the projected board shows: the current indicator, how many joined, how many voted, and
 * the distribution once k substantive votes are in (board.ts). Read by the board page, its SSE
 * stream and its polling fallback.
 */
export async function getBoardState(db: DbOrTrx, territoryId: string, workshopId: string) {
  const workshop = await findWorkshop(db, territoryId, workshopId);
  // Re-read after every vote by the stream: the cached definition, no JSON parse each time.
  const campaign = await findCampaign(db, territoryId, workshop.campaign_id);
  const framework = await loadFrameworkDefinition(db, territoryId, campaign.frameworkVersionId);
  const items = await listWorkshopIndicators(db, territoryId, workshop.id);
  const item = items[workshop.current_position];
  const indicator = item && framework.indicators.find((i) => i.id === item.indicatorId);
  const scale = indicator && framework.scales.find((s) => s.id === indicator.scale);
  const options = (scale && voteOptions(scale)) ?? [];
  const tally = item ? await tallyVotes(db, territoryId, workshop.id, item.indicatorId) : new Map<string, number>();
  const votes = [...tally.values()].reduce((a, b) => a + b, 0);
  return {
    workshopId: workshop.id,
    campaignId: workshop.campaign_id,
    k: campaign.k,
    joinCode: workshop.join_code,
    joined: workshop.joined_count,
    position: workshop.current_position,
    indicatorCount: items.length,
    voteState: item?.voteState ?? "pending",
    indicator: indicator ? { id: indicator.id, label: indicator.label, question: indicator.question } : null,
    scale: scale ?? null,
    votes,
    distribution: boardDistribution(options, tally, campaign.k),
  };
}

/**
 * The facilitator's controls. Opening the current vote; closing it (its tally goes to the count
 * cells of source « workshop », the participant hashes are erased, and it never reopens: a
 * second close would count twice); moving to the next or previous indicator.
 */
export async function controlWorkshop(db: Db, territoryId: string, workshopId: string, action: ControlAction): Promise<Result> {
  const workshop = await findWorkshop(db, territoryId, workshopId);
  const scope = await getCampaignScope(db, territoryId, workshop.campaign_id);
  if (scope.campaign.state !== "open") return formFailure("workshops.errors.campaignNotOpen");
  const items = await listWorkshopIndicators(db, territoryId, workshop.id);
  const item = items[workshop.current_position];
  if (!item) return formFailure("workshops.errors.noIndicator");
  const result = await db.transaction().execute(async (trx): Promise<Result> => {
    const setState = (from: "pending" | "open", to: "open" | "closed") =>
      trx
        .updateTable("workshop_indicator")
        .set({ vote_state: to })
        .where("workshop_id", "=", workshop.id)
        .where("territory_id", "=", territoryId)
        .where("position", "=", item.position)
        .where("vote_state", "=", from)
        .executeTakeFirst();
    const move = (position: number) =>
      trx.updateTable("workshop").set({ current_position: position }).where("id", "=", workshop.id).where("territory_id", "=", territoryId).execute();
    switch (action) {
      case "open": {
        const opened = await setState("pending", "open");
        return Number(opened.numUpdatedRows) === 1 ? { ok: true } : formFailure("workshops.errors.cannotOpen");
      }
      case "close": {
        const closed = await setState("open", "closed");
        if (Number(closed.numUpdatedRows) !== 1) return formFailure("workshops.errors.notOpen");
        await flushVotes(trx, { territoryId, campaignId: workshop.campaign_id, workshopId: workshop.id, projectId: workshop.project_id, indicatorId: item.indicatorId }, scope.framework.definition);
        return { ok: true };
      }
      case "next":
      case "previous": {
        if (item.voteState === "open") return formFailure("workshops.errors.closeFirst");
        const position = workshop.current_position + (action === "next" ? 1 : -1);
        if (position < 0 || position >= items.length) return formFailure("workshops.errors.noIndicator");
        await move(position);
        return { ok: true };
      }
    }
  });
  announceWorkshopChange(workshop.id);
  return result;
}

/** A closed vote's tally into count cells (through the surveys area), then the voters forgotten. */
async function flushVotes(trx: DbOrTrx, target: { territoryId: string; campaignId: string; workshopId: string; projectId: string; indicatorId: string }, framework: Framework) {
  const indicator = framework.indicators.find((i) => i.id === target.indicatorId);
  const scale: Scale | undefined = indicator && framework.scales.find((s) => s.id === indicator.scale);
  if (!scale) throw new Error(`indicator ${target.indicatorId} has no scale`);
  const rows = await trx
    .selectFrom("workshop_vote")
    .select(["group_id", "value", (eb) => eb.fn.countAll<number>().as("n")])
    .where("workshop_id", "=", target.workshopId)
    .where("territory_id", "=", target.territoryId)
    .where("indicator_id", "=", target.indicatorId)
    .groupBy(["group_id", "value"])
    .execute();
  const cells = new Map<string, SourceCell>();
  for (const row of rows) {
    for (const value of countedValues(scale, row.value)) {
      const key = `${row.group_id}\u0000${value}`;
      const cell = cells.get(key) ?? { projectId: target.projectId, indicatorId: target.indicatorId, groupId: row.group_id, value, count: 0 };
      cell.count += Number(row.n);
      cells.set(key, cell);
    }
  }
  await addSourceCountCells(trx, { territoryId: target.territoryId, campaignId: target.campaignId, source: "workshop" }, [...cells.values()]);
  await trx
    .updateTable("workshop_vote")
    .set({ participant_hash: null })
    .where("workshop_id", "=", target.workshopId)
    .where("territory_id", "=", target.territoryId)
    .where("indicator_id", "=", target.indicatorId)
    .execute();
}
