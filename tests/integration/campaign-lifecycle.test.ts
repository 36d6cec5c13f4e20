import { describe, expect, it } from "vitest";
import { markCampaignPublished, transitionCampaign } from "../../app/modules/campaigns/campaigns.server";
import { campaignInvitations } from "../../app/modules/invitations/campaign-invitations.server";
import { listAudit } from "../../app/modules/audit/audit.server";
import { createDraftCampaign } from "../helpers/campaigns";
import { freshDbPerTest } from "../helpers/db";
import { nth } from "../helpers/present";

const t = freshDbPerTest();

async function draftCampaign() {
  const { admin, projects, version, versions, campaignId } = await createDraftCampaign(t.db, { title: "Campagne du cycle de vie", neighbourhoods: "Quartier Nord" });
  return { admin, campaignId, otherProjectId: nth(projects, 1).id, otherVersionId: versions.find((v) => v.id !== version.id)!.id };
}

describe("campaign life cycle", () => {
  it("goes draft → open → closed → in review → published one explicit step at a time, each step in the history", async () => {
    const { admin, campaignId } = await draftCampaign();
    expect(await transitionCampaign(t.db, admin, campaignId, "closed", campaignInvitations)).toMatchObject({ ok: false, formErrors: [{ key: "campaigns.transitionErrors.notAllowed" }] });
    for (const state of ["open", "closed", "in_review"] as const) {
      expect(await transitionCampaign(t.db, admin, campaignId, state, campaignInvitations)).toEqual({ ok: true, state });
    }
    // Publication is not a plain transition, even at module level: only the review publishes.
    expect(await transitionCampaign(t.db, admin, campaignId, "published", campaignInvitations)).toMatchObject({ ok: false, formErrors: [{ key: "campaigns.transitionErrors.publishThroughReview" }] });
    expect((await t.db.selectFrom("campaign").select("state").where("id", "=", campaignId).executeTakeFirstOrThrow()).state).toBe("in_review");
    expect(await markCampaignPublished(t.db, admin, campaignId)).toBe(true);
    expect(await transitionCampaign(t.db, admin, campaignId, "open", campaignInvitations)).toMatchObject({ ok: false, formErrors: [{ key: "campaigns.transitionErrors.notAllowed" }] });
    const history = await listAudit(t.db, admin.territoryId, "campaign", campaignId);
    expect(history.map((h) => `${h.from_state ?? ""}→${h.to_state}`).reverse()).toEqual(["→draft", "draft→open", "open→closed", "closed→in_review", "in_review→published"]);
  });

  it("cannot open without a link or invitation to answer with", async () => {
    const { admin, campaignId } = await draftCampaign();
    await t.db.deleteFrom("invitation").where("campaign_id", "=", campaignId).execute();
    expect(await transitionCampaign(t.db, admin, campaignId, "open", campaignInvitations)).toMatchObject({ ok: false, formErrors: [{ key: "campaigns.transitionErrors.noInvitations" }] });
  });

  it("once open, the database refuses any change to its questions, projects, groups, anonymity or k", async () => {
    const { admin, campaignId, otherProjectId, otherVersionId } = await draftCampaign();
    // While in draft, the council may still adjust it.
    t.sqlite.prepare("update campaign set k = 6 where id = ?").run(campaignId);
    expect(await transitionCampaign(t.db, admin, campaignId, "open", campaignInvitations)).toMatchObject({ ok: true });

    const refused = [
      () => t.sqlite.prepare("update campaign set framework_version_id = ? where id = ?").run(otherVersionId, campaignId),
      () => t.sqlite.prepare("update campaign set is_anonymous = 0 where id = ?").run(campaignId),
      () => t.sqlite.prepare("update campaign set k = 3 where id = ?").run(campaignId),
      () => t.sqlite.prepare("insert into campaign_project (campaign_id, project_id, position) values (?, ?, 9)").run(campaignId, otherProjectId),
      () => t.sqlite.prepare("delete from campaign_group where campaign_id = ?").run(campaignId),
      () => t.sqlite.prepare("insert into campaign_neighbourhood (campaign_id, name, position) values (?, 'Les Hauts', 9)").run(campaignId),
    ];
    for (const change of refused) expect(change).toThrow(/frozen once open/);
    // The title and dates are not questions: they may still be corrected.
    expect(() => t.sqlite.prepare("update campaign set title = 'Nouveau titre' where id = ?").run(campaignId)).not.toThrow();
  });

  it("k can never be set below 3, even in a draft", async () => {
    const { campaignId } = await draftCampaign();
    expect(() => t.sqlite.prepare("update campaign set k = 2 where id = ?").run(campaignId)).toThrow(/CHECK constraint/);
  });
});
