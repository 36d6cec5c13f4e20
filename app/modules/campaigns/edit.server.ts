import type { Db, DbOrTrx } from "../../../db/connection";
import { newCode, newId } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { logAudit } from "../audit/audit.server";
import { findFrameworkVersion, listUsableFrameworkVersions } from "../frameworks/frameworks.server";
import { listProjects } from "../projects/projects.server";
import { type CampaignEditInput, type CampaignInput, parseNeighbourhoods } from "./campaign-form";
import { type FieldErrors, findCampaign, getCampaignScope } from "./campaigns.server";
import { editableScope } from "./state";

type Actor = { territoryId: string; userId: string };

/** Field errors, and under "" what concerns the whole form (frozen, published). */
export type EditErrors = FieldErrors & { ""?: string[] };

/**
 * What the edit page needs: the campaign as it is, what it may still change, and (in draft) the
 * framework versions and projects to choose from. `versionId` previews another version's groups.
 */
export async function getCampaignEditForm(db: Db, territoryId: string, campaignId: string, versionId?: string | null) {
  const scope = await getCampaignScope(db, territoryId, campaignId);
  const editable = editableScope(scope.campaign.state);
  if (editable !== "all") return { ...scope, editable, versions: [], allProjects: [], chosen: scope.framework as { id: string; definition: typeof scope.framework.definition } };
  const [versions, allProjects] = await Promise.all([listUsableFrameworkVersions(db, territoryId), listProjects(db, territoryId)]);
  const preview = versionId ? versions.find((v) => v.id === versionId) : undefined;
  return { ...scope, editable, versions, allProjects, chosen: preview ?? scope.framework };
}

/**
 * Corrects a campaign: everything while in draft (its open links follow its groups), only the
 * title, description and dates once open, nothing once published. Logged as `edited`.
 */
export async function updateCampaign(db: Db, actor: Actor, campaignId: string, input: CampaignEditInput): Promise<{ ok: true } | { ok: false; errors: EditErrors }> {
  return db.transaction().execute(async (trx) => {
    const campaign = await findCampaign(trx, actor.territoryId, campaignId);
    const editable = editableScope(campaign.state);
    if (editable === null) return { ok: false, errors: { "": ["campaigns.edit.published"] } };
    if (input.scope === "all" && editable !== "all") return { ok: false, errors: { "": ["campaigns.edit.frozen"] } };

    const wording = { title: input.title, description: input.description, opens_on: input.opensOn ?? null, closes_on: input.closesOn ?? null };
    if (input.scope === "all") {
      const errors = await replaceDraftContent(trx, actor, campaign.id, input);
      if (errors) return { ok: false, errors };
    }
    await trx.updateTable("campaign").set(wording).where("id", "=", campaign.id).where("territory_id", "=", actor.territoryId).execute();
    await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "campaign", entityId: campaign.id, action: "edited" });
    return { ok: true as const };
  });
}

/** A draft's framework version, anonymity, k, projects, groups, neighbourhoods and open links. */
async function replaceDraftContent(trx: DbOrTrx, actor: Actor, campaignId: string, input: CampaignInput): Promise<EditErrors | null> {
  const version = await findFrameworkVersion(trx, actor.territoryId, input.frameworkVersionId);
  if (!version || version.status !== "published") return { frameworkVersionId: ["errors.chooseOne"] };
  const knownGroups = new Set(version.definition.stakeholderGroups.map((g) => g.id));
  const groupIds = [...new Set(input.groupIds)].filter((id) => knownGroups.has(id));
  const wantedProjects = [...new Set(input.projectIds)];
  const ownProjects = new Set(
    (await trx.selectFrom("project").select("id").where("territory_id", "=", actor.territoryId).where("id", "in", wantedProjects).execute()).map((p) => p.id),
  );
  const projectIds = wantedProjects.filter((id) => ownProjects.has(id));
  const errors: EditErrors = {};
  if (groupIds.length === 0) errors.groupIds = ["errors.chooseGroups"];
  if (projectIds.length === 0) errors.projectIds = ["errors.chooseProjects"];
  if (Object.keys(errors).length > 0) return errors;

  // Personal invitations and paper sheets name their group: a group they name stays.
  const invitations = await trx.selectFrom("invitation").select(["id", "kind", "group_id", "response_count"]).where("campaign_id", "=", campaignId).where("territory_id", "=", actor.territoryId).execute();
  const kept = new Set(groupIds);
  if (invitations.some((i) => i.kind !== "open_link" && !kept.has(i.group_id))) return { groupIds: ["campaigns.edit.groupHasInvitations"] };

  await trx
    .updateTable("campaign")
    .set({ framework_version_id: version.id, is_anonymous: input.isAnonymous ? 1 : 0, k: input.k })
    .where("id", "=", campaignId)
    .where("territory_id", "=", actor.territoryId)
    .execute();
  await trx.deleteFrom("campaign_project").where("campaign_id", "=", campaignId).execute();
  await trx.insertInto("campaign_project").values(projectIds.map((projectId, position) => ({ campaign_id: campaignId, project_id: projectId, position }))).execute();
  await trx.deleteFrom("campaign_group").where("campaign_id", "=", campaignId).execute();
  await trx.insertInto("campaign_group").values(groupIds.map((groupId, position) => ({ campaign_id: campaignId, group_id: groupId, position }))).execute();
  await trx.deleteFrom("campaign_neighbourhood").where("campaign_id", "=", campaignId).execute();
  const neighbourhoods = parseNeighbourhoods(input.neighbourhoods);
  if (neighbourhoods.length > 0) {
    await trx.insertInto("campaign_neighbourhood").values(neighbourhoods.map((name, position) => ({ campaign_id: campaignId, name, position }))).execute();
  }

  // One open link per group: the removed groups' links go if nobody answered through them.
  const openLinks = invitations.filter((i) => i.kind === "open_link");
  const unused = openLinks.filter((l) => !kept.has(l.group_id) && l.response_count === 0).map((l) => l.id);
  if (unused.length > 0) await trx.deleteFrom("invitation").where("id", "in", unused).where("territory_id", "=", actor.territoryId).execute();
  const linked = new Set(openLinks.map((l) => l.group_id));
  const createdAt = nowIso();
  const missing = groupIds.filter((groupId) => !linked.has(groupId));
  if (missing.length > 0) {
    await trx
      .insertInto("invitation")
      .values(missing.map((groupId) => ({ id: newId(), territory_id: actor.territoryId, campaign_id: campaignId, kind: "open_link" as const, code: newCode(), group_id: groupId, neighbourhood: null, email: null, display_name: null, max_responses: null, sent_at: null, reminded_at: null, created_at: createdAt })))
      .execute();
  }
  return null;
}
