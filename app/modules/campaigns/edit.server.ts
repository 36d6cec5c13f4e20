import type { Db, DbOrTrx } from "../../../db/connection";
import { logAudit } from "../audit/audit.server";
import { listUsableFrameworkVersions } from "../frameworks/frameworks.server";
import { type Failure, fieldFailure, formFailure, type Result } from "../failure";
import { listProjects } from "../projects/projects.server";
import { type CampaignEditInput, type CampaignInput } from "./campaign-form";
import { checkCampaignContent, findCampaign, getCampaignScope, writeCampaignContent } from "./campaigns.server";
import type { CampaignInvitations } from "./invitations-port";
import { editableScope } from "./state";

type Actor = { territoryId: string; userId: string };

/**
 * What the edit page needs: the campaign as it is, what it may still change, and (in draft) the
 * framework versions and projects to choose from. `versionId` previews another version's groups.
 */
export async function getCampaignEditForm(db: Db, territoryId: string, campaignId: string, versionId?: string | null) {
  const scope = await getCampaignScope(db, territoryId, campaignId);
  const editable = editableScope(scope.campaign.state);
  const [versions, allProjects] = editable === "all" ? await Promise.all([listUsableFrameworkVersions(db, territoryId), listProjects(db, territoryId)]) : [[], []];
  const preview = versionId ? versions.find((v) => v.id === versionId) : undefined;
  const chosen: { id: string; definition: typeof scope.framework.definition } = preview ?? scope.framework;
  // Under another version, the campaign keeps only the groups that version also has.
  const known = new Set(chosen.definition.stakeholderGroups.map((g) => g.id));
  return { ...scope, editable, versions, allProjects, chosen, chosenGroupIds: scope.groupIds.filter((id) => known.has(id)) };
}

/**
 * Corrects a campaign: everything while in draft (its open links follow its groups), only the
 * title, description and dates once open, nothing once published. Logged as `edited`.
 */
export async function updateCampaign(db: Db, actor: Actor, campaignId: string, input: CampaignEditInput, invitations: CampaignInvitations): Promise<Result> {
  return db.transaction().execute(async (trx) => {
    const campaign = await findCampaign(trx, actor.territoryId, campaignId);
    const editable = editableScope(campaign.state);
    if (editable === null) return formFailure("campaigns.edit.published");
    if (input.scope === "all" && editable !== "all") return formFailure("campaigns.edit.frozen");

    const wording = { title: input.title, description: input.description, opens_on: input.opensOn ?? null, closes_on: input.closesOn ?? null };
    if (input.scope === "all") {
      const refused = await replaceDraftContent(trx, actor, campaign.id, input, invitations);
      if (refused) return refused;
    }
    await trx.updateTable("campaign").set(wording).where("id", "=", campaign.id).where("territory_id", "=", actor.territoryId).execute();
    await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "campaign", entityId: campaign.id, action: "edited" });
    return { ok: true as const };
  });
}

/** A draft's framework version, anonymity, k, projects, groups, neighbourhoods and open links; checks come before any write. */
async function replaceDraftContent(trx: DbOrTrx, actor: Actor, campaignId: string, input: CampaignInput, invitations: CampaignInvitations): Promise<Failure | null> {
  const content = await checkCampaignContent(trx, actor.territoryId, input);
  if (!content.ok) return content;
  const { version, groupIds, projectIds, unasked } = content;

  // Open links follow the groups; a group that personal invitations or paper sheets name stays.
  if (!(await invitations.syncOpenLinks(trx, actor.territoryId, campaignId, groupIds)).ok) return fieldFailure("groupIds", "campaigns.edit.groupHasInvitations");

  await trx
    .updateTable("campaign")
    .set({ framework_version_id: version.id, is_anonymous: input.isAnonymous ? 1 : 0, k: input.k })
    .where("id", "=", campaignId)
    .where("territory_id", "=", actor.territoryId)
    .execute();
  await writeCampaignContent(trx, actor.territoryId, campaignId, { projectIds, groupIds, unasked, neighbourhoods: input.neighbourhoods });
  return null;
}
