import { sql } from "kysely";
import type { DbOrTrx } from "../../../db/connection";
import { precompile, type Param } from "../../../db/precompiled";

// What the surveys area (a layer above) reads of a campaign: what a respondent sees and what
// decides whether the campaign takes answers.

/** The campaign as a respondent meets it; undefined if not of the territory. */
export function findSurveyCampaign(db: DbOrTrx, territoryId: string, campaignId: string) {
  return db
    .selectFrom("campaign")
    .select(["id", "territory_id", "title", "description", "state", "is_anonymous", "framework_version_id", "closes_on"])
    .where("id", "=", campaignId)
    .where("territory_id", "=", territoryId)
    .executeTakeFirst();
}

/**
 * Precompiled (db/precompiled.ts), read on every survey step and submit: the campaign and the
 * ids of the projects its group is asked about, in the campaign's order (the projects were
 * checked to be the territory's when the campaign was written). A project not asked to the
 * group never reaches its steps, so no screen, save or submit can answer about it.
 */
export const findDraftCampaign = precompile((db, param: Param<{ campaignId: string; territoryId: string; groupId: string }>) =>
  db
    .selectFrom("campaign as c")
    .select(["c.title", "c.state", "c.is_anonymous", "c.framework_version_id"])
    .select((eb) =>
      eb
        .selectFrom("campaign_project as cp")
        .whereRef("cp.campaign_id", "=", "c.id")
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom("campaign_group_unasked as u")
                .select("u.project_id")
                .whereRef("u.campaign_id", "=", "c.id")
                .whereRef("u.project_id", "=", "cp.project_id")
                .whereRef("u.territory_id", "=", "c.territory_id")
                .where("u.group_id", "=", param("groupId")),
            ),
          ),
        )
        // The builder has no ordered aggregate; SQLite (≥ 3.44) keeps the campaign's order this way.
        .select(sql<string>`json_group_array(cp.project_id order by cp.position)`.as("ids"))
        .as("project_ids"),
    )
    .where("c.id", "=", param("campaignId"))
    .where("c.territory_id", "=", param("territoryId")),
);
