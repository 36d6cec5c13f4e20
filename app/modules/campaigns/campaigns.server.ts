import type { Db, DbOrTrx } from "../../../db/connection";
import type { CampaignState } from "../../../db/schema";
import { newId } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { userDisplayNames } from "../accounts/territories.server";
import { listAudit, logAudit } from "../audit/audit.server";
import { findFrameworkVersion, type FrameworkVersion } from "../frameworks/frameworks.server";
import { questionIndicators } from "../frameworks/indicators";
import { describeProjects, filterOwnProjects } from "../projects/projects.server";
import { failureCollector, fieldFailure, formFailure, type Result } from "../failure";
import { type CampaignInput, parseNeighbourhoods } from "./campaign-form";
import type { CampaignInvitations } from "./invitations-port";
import { type GroupProject, groupsAskedNothing, isAsked, unaskedFromGrid } from "./group-projects";
import { checkTransition, nextStates } from "./state";

type Actor = { territoryId: string; userId: string };

/** The territory's campaigns, newest first (participation adds their response counts). */
export async function listCampaigns(db: DbOrTrx, territoryId: string) {
  const rows = await db
    .selectFrom("campaign")
    .select(["id", "title", "state", "opens_on", "closes_on", "created_at"])
    .where("territory_id", "=", territoryId)
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({ id: r.id, title: r.title, state: r.state, opensOn: r.opens_on, closesOn: r.closes_on, createdAt: r.created_at }));
}

/** A campaign as the module gives it out: camelCase, anonymity as a boolean (the row stays inside). */
export type Campaign = {
  id: string;
  territoryId: string;
  frameworkVersionId: string;
  title: string;
  description: string;
  state: CampaignState;
  isAnonymous: boolean;
  k: number;
  opensOn: string | null;
  closesOn: string | null;
  createdByUserId: string | null;
  createdAt: string;
  personalDataDeletedAt: string | null;
};

/** The campaign if it belongs to the territory; otherwise a 404 that looks like any missing page. */
export async function findCampaign(db: DbOrTrx, territoryId: string, campaignId: string): Promise<Campaign> {
  const c = await db.selectFrom("campaign").selectAll().where("id", "=", campaignId).where("territory_id", "=", territoryId).executeTakeFirst();
  if (!c) throw new Response("Not found", { status: 404 });
  return {
    id: c.id,
    territoryId: c.territory_id,
    frameworkVersionId: c.framework_version_id,
    title: c.title,
    description: c.description,
    state: c.state,
    isAnonymous: c.is_anonymous === 1,
    k: c.k,
    opensOn: c.opens_on,
    closesOn: c.closes_on,
    createdByUserId: c.created_by_user_id,
    createdAt: c.created_at,
    personalDataDeletedAt: c.personal_data_deleted_at,
  };
}

/** The projects a campaign evaluates, in the campaign's order. */
export async function listCampaignProjects(db: DbOrTrx, territoryId: string, campaignId: string) {
  const rows = await db
    .selectFrom("campaign_project as cp")
    .innerJoin("campaign as c", "c.id", "cp.campaign_id")
    .select("cp.project_id")
    .where("cp.campaign_id", "=", campaignId)
    .where("c.territory_id", "=", territoryId)
    .orderBy("cp.position")
    .execute();
  return describeProjects(db, territoryId, rows.map((r) => r.project_id));
}

/** The projects of a campaign one stakeholder group is asked about, in the campaign's order. */
export async function listGroupProjects(db: DbOrTrx, territoryId: string, campaignId: string, groupId: string) {
  const [projects, unasked] = await Promise.all([listCampaignProjects(db, territoryId, campaignId), listUnasked(db, territoryId, campaignId)]);
  return projects.filter((p) => isAsked(unasked, groupId, p.id));
}

/**
 * What other areas need to know of a campaign of the territory (404 otherwise): its framework
 * version, projects, stakeholder groups and neighbourhoods. Results, participation and
 * invitations read the campaign through this, not through the campaign tables.
 */
export async function getCampaignScope(db: DbOrTrx, territoryId: string, campaignId: string) {
  const campaign = await findCampaign(db, territoryId, campaignId);
  const [projects, groups, neighbourhoods, framework, unasked] = await Promise.all([
    listCampaignProjects(db, territoryId, campaign.id),
    db.selectFrom("campaign_group").select("group_id").where("campaign_id", "=", campaign.id).orderBy("position").execute(),
    db.selectFrom("campaign_neighbourhood").select("name").where("campaign_id", "=", campaign.id).orderBy("position").execute(),
    findFrameworkVersion(db, territoryId, campaign.frameworkVersionId),
    listUnasked(db, territoryId, campaign.id),
  ]);
  if (!framework) throw new Error(`campaign ${campaign.id} points at a missing framework version`);
  return { campaign, projects, groupIds: groups.map((g) => g.group_id), neighbourhoods: neighbourhoods.map((n) => n.name), framework, unasked };
}

/** The (group, project) pairs of a campaign that are not asked (group-projects.ts). */
export async function listUnasked(db: DbOrTrx, territoryId: string, campaignId: string): Promise<GroupProject[]> {
  const rows = await db.selectFrom("campaign_group_unasked").select(["group_id", "project_id"]).where("campaign_id", "=", campaignId).where("territory_id", "=", territoryId).execute();
  return rows.map((r) => ({ groupId: r.group_id, projectId: r.project_id }));
}

/** Everything the campaign page shows: the scope above, the open links and the history. */
export async function getCampaignOverview(db: Db, territoryId: string, campaignId: string, invitations: CampaignInvitations) {
  const scope = await getCampaignScope(db, territoryId, campaignId);
  const [audit, openLinks] = await Promise.all([listAudit(db, territoryId, "campaign", scope.campaign.id), invitations.listOpenLinks(db, territoryId, scope.campaign.id)]);
  const actors = await userDisplayNames(db, audit.map((a) => a.actor_user_id));
  const history = audit.map((a) => ({ id: a.id, action: a.action, fromState: a.from_state, toState: a.to_state, at: a.at, actor: (a.actor_user_id && actors.get(a.actor_user_id)) ?? null }));
  return { ...scope, openLinks, history };
}

/** Dates the erasure of a campaign's personal data, in the caller's transaction (invitations erases them). */
export async function markPersonalDataDeleted(trx: DbOrTrx, territoryId: string, campaignId: string, at: string): Promise<void> {
  await trx.updateTable("campaign").set({ personal_data_deleted_at: at }).where("id", "=", campaignId).where("territory_id", "=", territoryId).execute();
}

/**
 * A campaign's content as the form chose it, checked in one place for creation and draft edits:
 * a published framework version of the territory, its groups among those chosen, the
 * territory's projects among those chosen.
 */
export async function checkCampaignContent(db: DbOrTrx, territoryId: string, input: CampaignInput): Promise<Result<{ version: FrameworkVersion; groupIds: string[]; projectIds: string[]; unasked: GroupProject[] }>> {
  const version = await findFrameworkVersion(db, territoryId, input.frameworkVersionId);
  if (!version || version.status !== "published") return fieldFailure("frameworkVersionId", "errors.chooseOne");
  const knownGroups = new Set(version.definition.stakeholderGroups.map((g) => g.id));
  const groupIds = [...new Set(input.groupIds)].filter((id) => knownGroups.has(id));
  const projectIds = await filterOwnProjects(db, territoryId, [...new Set(input.projectIds)]);
  const errors = failureCollector();
  if (groupIds.length === 0) errors.add("groupIds", "errors.chooseGroups");
  if (projectIds.length === 0) errors.add("projectIds", "errors.chooseProjects");
  const unasked = unaskedFromGrid(groupIds, projectIds, { shown: input.shown ?? [], asked: input.asked ?? [] });
  const labels = new Map(version.definition.stakeholderGroups.map((g) => [g.id, g.label]));
  if (projectIds.length > 0) for (const groupId of groupsAskedNothing(groupIds, projectIds, unasked)) errors.add("asked", "errors.groupAskedNothing", { group: labels.get(groupId) ?? groupId });
  return errors.failure() ?? { ok: true, version, groupIds, projectIds, unasked };
}

/** Creates a draft campaign with one open link per stakeholder group. */
export async function createCampaign(db: Db, actor: Actor, input: CampaignInput, invitations: CampaignInvitations): Promise<Result<{ id: string }>> {
  const content = await checkCampaignContent(db, actor.territoryId, input);
  if (!content.ok) return content;
  const { version, groupIds, projectIds, unasked } = content;

  const id = newId();
  const createdAt = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("campaign")
      .values({
        id,
        territory_id: actor.territoryId,
        framework_version_id: version.id,
        title: input.title,
        description: input.description,
        is_anonymous: input.isAnonymous ? 1 : 0,
        k: input.k,
        opens_on: input.opensOn ?? null,
        closes_on: input.closesOn ?? null,
        created_by_user_id: actor.userId,
        created_at: createdAt,
        personal_data_deleted_at: null,
      })
      .execute();
    await writeCampaignContent(trx, actor.territoryId, id, { projectIds, groupIds, unasked, neighbourhoods: input.neighbourhoods });
    await invitations.syncOpenLinks(trx, actor.territoryId, id, groupIds);
    await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "campaign", entityId: id, action: "created", toState: "draft" });
  });
  return { ok: true, id };
}

/**
 * Replaces a draft's projects, stakeholder groups, who is asked what, and neighbourhoods (in
 * the order given). Creation and draft edits both write through here; the database refuses it once open.
 */
export async function writeCampaignContent(trx: DbOrTrx, territoryId: string, campaignId: string, content: { projectIds: string[]; groupIds: string[]; unasked: readonly GroupProject[]; neighbourhoods: string }) {
  // Exclusions first: they name the projects about to be replaced.
  await trx.deleteFrom("campaign_group_unasked").where("campaign_id", "=", campaignId).where("territory_id", "=", territoryId).execute();
  await trx.deleteFrom("campaign_project").where("campaign_id", "=", campaignId).execute();
  await trx.insertInto("campaign_project").values(content.projectIds.map((projectId, position) => ({ campaign_id: campaignId, project_id: projectId, position }))).execute();
  await trx.deleteFrom("campaign_group").where("campaign_id", "=", campaignId).execute();
  await trx.insertInto("campaign_group").values(content.groupIds.map((groupId, position) => ({ campaign_id: campaignId, group_id: groupId, position }))).execute();
  await trx.deleteFrom("campaign_neighbourhood").where("campaign_id", "=", campaignId).execute();
  if (content.unasked.length > 0) {
    await trx
      .insertInto("campaign_group_unasked")
      .values(content.unasked.map((p) => ({ territory_id: territoryId, campaign_id: campaignId, group_id: p.groupId, project_id: p.projectId })))
      .execute();
  }
  const neighbourhoods = parseNeighbourhoods(content.neighbourhoods);
  if (neighbourhoods.length > 0) {
    await trx.insertInto("campaign_neighbourhood").values(neighbourhoods.map((name, position) => ({ campaign_id: campaignId, name, position }))).execute();
  }
}

/** Moves a campaign to its next state after checking it may; logs the transition. */
export async function transitionCampaign(db: Db, actor: Actor, campaignId: string, to: CampaignState, invitations: CampaignInvitations): Promise<Result<{ state: CampaignState }>> {
  return db.transaction().execute(async (trx) => {
    const campaign = await findCampaign(trx, actor.territoryId, campaignId);
    const version = await findFrameworkVersion(trx, actor.territoryId, campaign.frameworkVersionId);
    const groups = await trx.selectFrom("campaign_group").select("group_id").where("campaign_id", "=", campaign.id).execute();
    const invitationCount = await invitations.countInvitations(trx, actor.territoryId, campaign.id);
    const questionCount = version ? questionIndicators(version.definition, groups.map((g) => g.group_id)).length : 0;
    const error = checkTransition(campaign.state, to, { questionCount, invitationCount });
    if (error) return formFailure(error, { from: `campaigns.states.${campaign.state}`, to: `campaigns.states.${to}` });
    await trx.updateTable("campaign").set({ state: to }).where("id", "=", campaign.id).where("territory_id", "=", actor.territoryId).execute();
    await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "campaign", entityId: campaign.id, action: "transition", fromState: campaign.state, toState: to });
    return { ok: true as const, state: to };
  });
}

/**
 * What the confirmation page of a transition shows before the council takes an irreversible
 * step: the campaign, where it goes, and what that freezes. 404 when the step is not one the
 * campaign can take from its state (so an old link cannot confirm a step already taken).
 */
export async function getTransitionConfirmation(db: DbOrTrx, territoryId: string, campaignId: string, to: CampaignState) {
  const campaign = await findCampaign(db, territoryId, campaignId);
  if (!nextStates(campaign.state).includes(to)) throw new Response("Not found", { status: 404 });
  return { id: campaign.id, title: campaign.title, from: campaign.state, to, k: campaign.k, isAnonymous: campaign.isAnonymous, opensOn: campaign.opensOn, closesOn: campaign.closesOn };
}

/**
 * Marks an in-review campaign published, in the caller's transaction: only the review area
 * publishes, together with the frozen evaluation it writes. False when the campaign is not in review.
 */
export async function markCampaignPublished(trx: DbOrTrx, actor: Actor, campaignId: string): Promise<boolean> {
  const updated = await trx.updateTable("campaign").set({ state: "published" }).where("id", "=", campaignId).where("territory_id", "=", actor.territoryId).where("state", "=", "in_review").executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) return false;
  await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "campaign", entityId: campaignId, action: "transition", fromState: "in_review", toState: "published" });
  return true;
}

/**
 * The campaign of the territory that came before this one on at least one of the same
 * projects and no longer takes answers (closed, in review or published): what a trend compares
 * with. Null when there is none.
 */
export async function findPreviousStableCampaign(db: DbOrTrx, territoryId: string, campaignId: string, createdAt: string): Promise<{ id: string; title: string } | null> {
  const row = await db
    .selectFrom("campaign as c")
    .select(["c.id", "c.title"])
    .where("c.territory_id", "=", territoryId)
    .where("c.id", "!=", campaignId)
    .where("c.state", "in", ["closed", "in_review", "published"])
    .where("c.created_at", "<", createdAt)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("campaign_project as mine")
          .innerJoin("campaign_project as theirs", "theirs.project_id", "mine.project_id")
          .select("mine.project_id")
          .where("mine.campaign_id", "=", campaignId)
          .whereRef("theirs.campaign_id", "=", "c.id"),
      ),
    )
    .orderBy("c.created_at", "desc")
    .executeTakeFirst();
  return row ?? null;
}
