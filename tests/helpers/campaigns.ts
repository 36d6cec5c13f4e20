import type { Db } from "../../db/connection";
import type { CampaignInput } from "../../app/modules/campaigns/campaign-form";
import { createCampaign, transitionCampaign } from "../../app/modules/campaigns/campaigns.server";
import { campaignInvitations } from "../../app/modules/invitations/campaign-invitations.server";
import { listUsableFrameworkVersions } from "../../app/modules/frameworks/frameworks.server";
import { demoFacts } from "./db";
import { nth } from "./present";

/**
 * A draft campaign of the demo territory on « Utilité sociale et territoriale », its first
 * project and the residents, as the creation form would make it; `over` changes any field.
 */
export async function createDraftCampaign(db: Db, over: Partial<CampaignInput> = {}) {
  const { admin, projects } = await demoFacts(db);
  const versions = await listUsableFrameworkVersions(db, admin.territoryId);
  const version = versions.find((v) => v.slug === "utilite-sociale-territoriale")!;
  const created = await createCampaign(db, admin, {
    title: "Campagne de test",
    description: "",
    frameworkVersionId: version.id,
    projectIds: [nth(projects, 0).id],
    groupIds: ["residents"],
    isAnonymous: true,
    k: 5,
    neighbourhoods: "",
    ...over,
  }, campaignInvitations);
  if (!created.ok) throw new Error(JSON.stringify(created));
  return { admin, projects, version, versions, campaignId: created.id };
}

/** Closes the demo's open campaign of this year, as the council would, and returns its id. */
export async function closeThisYearsCampaign(db: Db): Promise<string> {
  const { admin } = await demoFacts(db);
  const campaign = await db.selectFrom("campaign").select("id").where("territory_id", "=", admin.territoryId).where("title", "like", "Évaluation 2026%").executeTakeFirstOrThrow();
  const closed = await transitionCampaign(db, admin, campaign.id, "closed", campaignInvitations);
  if (!closed.ok) throw new Error(JSON.stringify(closed));
  return campaign.id;
}
