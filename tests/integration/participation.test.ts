import { describe, expect, it } from "vitest";
import { todayInFrance } from "../../app/lib/time";
import { getCampaignParticipation } from "../../app/modules/participation/participation.server";
import { submitSurvey } from "../../app/modules/surveys/submit.server";
import { openInvitation } from "../../app/modules/surveys/survey.server";
import { freshDbPerTest } from "../helpers/db";
import { addPersonalInvitation, fillDraft, openResidentsCampaign } from "./survey-fixtures";

const t = freshDbPerTest();

describe("participation dashboard", () => {
  it("counts sent, opened and answered invitations per group and neighbourhood, and responses per day", async () => {
    const { campaignId, openLinkCode, admin } = await openResidentsCampaign(t.db, { k: 5, neighbourhoods: "Quartier Nord\nCentre-ville" });
    const north1 = await addPersonalInvitation(t.db, campaignId, { neighbourhood: "Quartier Nord" });
    await addPersonalInvitation(t.db, campaignId, { neighbourhood: "Quartier Nord" });
    await addPersonalInvitation(t.db, campaignId, { neighbourhood: "Centre-ville", sent: false });
    await openInvitation(t.db, north1.code);
    await submitSurvey(t.db, (await fillDraft(t.db, north1.code)).resumeCode);
    for (let i = 0; i < 2; i++) await submitSurvey(t.db, (await fillDraft(t.db, openLinkCode)).resumeCode);

    const p = await getCampaignParticipation(t.db, admin.territoryId, campaignId);
    expect(p.totals).toEqual({ invitations: 3, sent: 2, opened: 1, answered: 1, rate: 0.5, openLinkResponses: 2, responses: 3 });
    expect(p.byGroup).toEqual([{ groupId: "residents", invitations: 3, sent: 2, opened: 1, answered: 1, rate: 0.5, openLinkResponses: 2, responses: 3, isUnderK: true }]);
    expect(p.byNeighbourhood.map((n) => [n.name, n.invitations, n.sent, n.answered])).toEqual([
      ["Quartier Nord", 2, 2, 1],
      ["Centre-ville", 1, 0, 0],
    ]);
    expect(p.byDay).toEqual([{ day: todayInFrance(), responses: 3 }]);
  });

  it("another territory's campaign is not found", async () => {
    const { campaignId } = await openResidentsCampaign(t.db);
    await expect(getCampaignParticipation(t.db, "another-territory", campaignId)).rejects.toMatchObject({ status: 404 });
  });
});
