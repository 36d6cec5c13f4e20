import type { Db } from "../../../db/connection";
import { newId, normalizeCode, sha256 } from "../../lib/ids";
import { findCampaign } from "../campaigns/campaigns.server";
import { loadFrameworkDefinition } from "../frameworks/frameworks.server";
import { fieldFailure, formFailure, type Result } from "../failure";
import { isValidVote, voteOptions } from "./board";
import { announceWorkshopChange } from "./live.server";
import { listWorkshopIndicators } from "./workshops.server";

// The participant's side: a phone joins with the code, without an account, and votes. The
// participant is a random token kept only in their cookie; the database stores its hash, and
// only until the vote closes (workshops.server.ts, flushVotes).

export type Participant = { token: string; groupId: string };

/** The hash that makes « one vote per participant per indicator » a unique index. */
function participantHash(workshopId: string, token: string): string {
  return sha256(`${workshopId}:${token}`);
}

/**
 * A workshop by its join code, in any territory (the code is the key), with its campaign and
 * framework. Every phone's request starts here: the framework's definition comes from the
 * parsed-once cache of published versions, not from a fresh JSON parse.
 */
async function findByCode(db: Db, code: string) {
  const workshop = await db.selectFrom("workshop").selectAll().where("join_code", "=", normalizeCode(code)).executeTakeFirst();
  if (!workshop) return null;
  const campaign = await findCampaign(db, workshop.territory_id, workshop.campaign_id);
  const definition = await loadFrameworkDefinition(db, workshop.territory_id, campaign.frameworkVersionId);
  return { workshop, isCampaignOpen: campaign.state === "open", definition, groupIds: parseGroupIds(workshop.group_ids) };
}

function parseGroupIds(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** What the participant's phone shows: the current indicator, its options, their own vote. */
export async function getParticipantView(db: Db, code: string, participant: Participant | null) {
  const found = await findByCode(db, code);
  if (!found) return null;
  const { workshop, definition, groupIds } = found;
  const items = await listWorkshopIndicators(db, workshop.territory_id, workshop.id);
  const item = items[workshop.current_position];
  const indicator = item && definition.indicators.find((i) => i.id === item.indicatorId);
  const scale = indicator && definition.scales.find((s) => s.id === indicator.scale);
  const ownVote =
    participant && item
      ? await db
          .selectFrom("workshop_vote")
          .select("value")
          .where("workshop_id", "=", workshop.id)
          .where("territory_id", "=", workshop.territory_id)
          .where("indicator_id", "=", item.indicatorId)
          .where("participant_hash", "=", participantHash(workshop.id, participant.token))
          .executeTakeFirst()
      : undefined;
  return {
    joinCode: workshop.join_code,
    place: workshop.place,
    isCampaignOpen: found.isCampaignOpen,
    groups: definition.stakeholderGroups.filter((g) => groupIds.includes(g.id)).map((g) => ({ id: g.id, label: g.label })),
    hasJoined: participant !== null && groupIds.includes(participant.groupId),
    voteState: item?.voteState ?? "pending",
    indicator: indicator && scale ? { id: indicator.id, question: indicator.question, help: indicator.help ?? null, scale, options: voteOptions(scale) ?? [] } : null,
    ownVote: ownVote?.value ?? null,
  };
}

/** Joining: a new random token for the cookie and one more on the board's « joined » counter. */
export async function joinWorkshop(db: Db, code: string, groupId: string): Promise<Result<{ participant: Participant; joinCode: string }>> {
  const found = await findByCode(db, code);
  if (!found) throw new Response("Not found", { status: 404 });
  if (!found.isCampaignOpen) return formFailure("workshops.errors.campaignNotOpen");
  if (!found.groupIds.includes(groupId)) return fieldFailure("groupId", "workshops.errors.group");
  await db
    .updateTable("workshop")
    .set((eb) => ({ joined_count: eb("joined_count", "+", 1) }))
    .where("id", "=", found.workshop.id)
    .where("territory_id", "=", found.workshop.territory_id)
    .execute();
  announceWorkshopChange(found.workshop.id);
  return { ok: true, participant: { token: newId(), groupId }, joinCode: found.workshop.join_code };
}

/**
 * Records or changes the participant's vote on the open indicator. The unique index on
 * (workshop, indicator, participant hash) keeps one row however many phones, tabs or replays
 * post at once: a second vote updates it.
 */
export async function recordWorkshopVote(db: Db, code: string, participant: Participant, input: { indicatorId: string; value: string }): Promise<Result> {
  const found = await findByCode(db, code);
  if (!found) throw new Response("Not found", { status: 404 });
  const { workshop, definition, groupIds } = found;
  if (!groupIds.includes(participant.groupId)) return formFailure("workshops.errors.joinFirst");
  const items = await listWorkshopIndicators(db, workshop.territory_id, workshop.id);
  const item = items[workshop.current_position];
  if (!found.isCampaignOpen || !item || item.indicatorId !== input.indicatorId || item.voteState !== "open") return formFailure("workshops.errors.voteClosed");
  const indicator = definition.indicators.find((i) => i.id === item.indicatorId);
  const scale = indicator && definition.scales.find((s) => s.id === indicator.scale);
  if (!scale || !isValidVote(scale, input.value)) return fieldFailure("value", "workshops.errors.value");
  // The state is re-checked inside the statement: a vote racing the close is refused, not lost
  // after the tally was taken.
  const inserted = await db
    .insertInto("workshop_vote")
    .columns(["id", "workshop_id", "territory_id", "indicator_id", "group_id", "participant_hash", "value"])
    .expression((eb) =>
      eb
        .selectFrom("workshop_indicator")
        .select([
          eb.val(newId()).as("id"),
          eb.val(workshop.id).as("workshop_id"),
          eb.val(workshop.territory_id).as("territory_id"),
          eb.val(item.indicatorId).as("indicator_id"),
          eb.val(participant.groupId).as("group_id"),
          eb.val(participantHash(workshop.id, participant.token)).as("participant_hash"),
          eb.val(input.value).as("value"),
        ])
        .where("workshop_id", "=", workshop.id)
        .where("territory_id", "=", workshop.territory_id)
        .where("indicator_id", "=", item.indicatorId)
        .where("vote_state", "=", "open"),
    )
    .onConflict((oc) =>
      oc
        .columns(["workshop_id", "indicator_id", "participant_hash"])
        .where("participant_hash", "is not", null)
        .doUpdateSet((eb) => ({ value: eb.ref("excluded.value"), group_id: eb.ref("excluded.group_id") })),
    )
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return formFailure("workshops.errors.voteClosed");
  announceWorkshopChange(workshop.id);
  return { ok: true };
}
