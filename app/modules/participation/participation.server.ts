import { sql } from "kysely";
import type { Db } from "../../../db/connection";
import { findCampaign } from "../campaigns/campaigns.server";
import { findFrameworkVersion } from "../frameworks/frameworks.server";
import { type InvitationTally, participationByGroup, participationByNeighbourhood, participationTotals, responsesPerDay } from "./tally";

/**
 * The council's participation dashboard for one campaign of the territory (404 otherwise).
 * It reads invitations only as counts ("sent", "opened", "used") and responses only by group
 * and by day: nothing here can tie a response to an invitation.
 */
export async function getCampaignParticipation(db: Db, territoryId: string, campaignId: string) {
  const campaign = await findCampaign(db, territoryId, campaignId);
  const [version, groups, neighbourhoods, tallies, byGroup, byDay] = await Promise.all([
    findFrameworkVersion(db, territoryId, campaign.framework_version_id),
    db.selectFrom("campaign_group").select("group_id").where("campaign_id", "=", campaign.id).orderBy("position").execute(),
    db.selectFrom("campaign_neighbourhood").select("name").where("campaign_id", "=", campaign.id).orderBy("position").execute(),
    db
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
      .where("campaign_id", "=", campaign.id)
      .where("territory_id", "=", territoryId)
      .groupBy(["kind", "group_id", "neighbourhood"])
      .execute(),
    db
      .selectFrom("response")
      .select(["group_id", (eb) => eb.fn.countAll<number>().as("n")])
      .where("campaign_id", "=", campaign.id)
      .where("territory_id", "=", territoryId)
      .groupBy("group_id")
      .execute(),
    // Per day, totals across groups only: a group × day cell of 1 or 2 could single a person
    // out (the day someone says they answered), so the dashboard never shows that split.
    db
      .selectFrom("response")
      .select(["submitted_on", (eb) => eb.fn.countAll<number>().as("n")])
      .where("campaign_id", "=", campaign.id)
      .where("territory_id", "=", territoryId)
      .groupBy("submitted_on")
      .execute(),
  ]);
  if (!version) throw new Error(`campaign ${campaign.id} points at a missing framework version`);
  const rows: InvitationTally[] = tallies.map((t) => ({
    kind: t.kind,
    groupId: t.group_id,
    neighbourhood: t.neighbourhood,
    invitations: Number(t.invitations),
    sent: Number(t.sent),
    opened: Number(t.opened),
    answered: Number(t.answered),
    responses: Number(t.responses),
  }));
  const responsesByGroup = new Map(byGroup.map((r) => [r.group_id, Number(r.n)]));
  return {
    campaign: { id: campaign.id, title: campaign.title, state: campaign.state, k: campaign.k, isAnonymous: campaign.is_anonymous === 1 },
    groupLabels: version.definition.stakeholderGroups.map((g) => ({ id: g.id, label: g.label })),
    totals: participationTotals(rows, responsesByGroup),
    byGroup: participationByGroup(
      groups.map((g) => g.group_id),
      rows,
      responsesByGroup,
      campaign.k,
    ),
    byNeighbourhood: participationByNeighbourhood(
      neighbourhoods.map((n) => n.name),
      rows,
    ),
    byDay: responsesPerDay(byDay.map((d) => ({ day: d.submitted_on, responses: Number(d.n) }))),
  };
}
