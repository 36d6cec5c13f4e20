import type { DbOrTrx } from "../../../db/connection";
import { userDisplayNames } from "../accounts/territories.server";
import type { StoredFigure } from "./figure-results";

// The reported_figure table's queries (owned by results): read for results, written by the form.

/** A campaign's reported figures, with the name of who entered each. */
export async function listReportedFigures(db: DbOrTrx, territoryId: string, campaignId: string): Promise<StoredFigure[]> {
  const rows = await db
    .selectFrom("reported_figure")
    .select(["project_id", "indicator_id", "value", "source_note", "entered_by_user_id", "entered_at"])
    .where("territory_id", "=", territoryId)
    .where("campaign_id", "=", campaignId)
    .execute();
  const names = await userDisplayNames(db, rows.map((r) => r.entered_by_user_id));
  return rows.map((r) => ({
    projectId: r.project_id,
    indicatorId: r.indicator_id,
    value: r.value,
    sourceNote: r.source_note,
    enteredBy: (r.entered_by_user_id && names.get(r.entered_by_user_id)) ?? null,
    enteredAt: r.entered_at,
  }));
}

export type FigureWrite = { territoryId: string; campaignId: string; projectId: string; indicatorId: string; value: number | null; sourceNote: string | null; userId: string; at: string };

/** Stores one figure (or removes it when the value is emptied): one row per project and figure. */
export async function writeReportedFigure(db: DbOrTrx, figure: FigureWrite): Promise<void> {
  const value = figure.value;
  if (value === null) {
    await db
      .deleteFrom("reported_figure")
      .where("territory_id", "=", figure.territoryId)
      .where("campaign_id", "=", figure.campaignId)
      .where("project_id", "=", figure.projectId)
      .where("indicator_id", "=", figure.indicatorId)
      .execute();
    return;
  }
  await db
    .insertInto("reported_figure")
    .values({
      territory_id: figure.territoryId,
      campaign_id: figure.campaignId,
      project_id: figure.projectId,
      indicator_id: figure.indicatorId,
      value,
      source_note: figure.sourceNote,
      entered_by_user_id: figure.userId,
      entered_at: figure.at,
    })
    .onConflict((oc) =>
      oc.columns(["campaign_id", "project_id", "indicator_id"]).doUpdateSet({ value, source_note: figure.sourceNote, entered_by_user_id: figure.userId, entered_at: figure.at }).where("reported_figure.territory_id", "=", figure.territoryId),
    )
    .execute();
}
