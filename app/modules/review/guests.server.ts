import type { Db, DbOrTrx } from "../../../db/connection";
import { createTranslator } from "../../i18n/i18n";
import { newId, sha256 } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { getCampaignScope } from "../campaigns/campaigns.server";
import { type Result } from "../failure";
import { queueEmail } from "../outbox/outbox.server";
import { findFinding, type PositionInput, positionValues } from "./contributions.server";
import { type Actor, evaluationIn } from "./evaluation.server";
import { loadReview } from "./review-content.server";

/**
 * Stakeholders the council invites to the review without an account — a resident
 * representative, a partner: they get a personal link by e-mail (through the outbox), read the
 * evaluation and take positions named by the label the council gave them. Only the link's hash
 * is kept; the address lives only in the outbox message.
 */

/** Where an invited stakeholder takes part in the review. */
export function guestReviewPath(token: string): string {
  return `/guest-review/${token}`;
}

export async function inviteReviewGuest(db: Db, actor: Actor, campaignId: string, input: { email: string; label: string }, baseUrl: string): Promise<Result> {
  const scope = await getCampaignScope(db, actor.territoryId, campaignId);
  return db.transaction().execute(async (trx) => {
    const evaluation = await evaluationIn(trx, actor.territoryId, campaignId, ["draft", "review"]);
    if (!evaluation.ok) return evaluation;
    const token = newId();
    await trx
      .insertInto("review_guest")
      .values({ id: newId(), territory_id: actor.territoryId, evaluation_id: evaluation.id, label: input.label, token_hash: sha256(token), invited_by: actor.userId, created_at: nowIso() })
      .execute();
    // In the territory's language, like every message it sends; tied to the campaign so erasing
    // its personal data erases this address too.
    const t = createTranslator("fr");
    await queueEmail(trx, {
      territoryId: actor.territoryId,
      kind: "review_guest_invitation",
      to: input.email,
      subject: t("review.guests.mail.subject", { campaign: scope.campaign.title }),
      text: t("review.guests.mail.text", { campaign: scope.campaign.title, label: input.label, url: `${baseUrl}${guestReviewPath(token)}` }),
      campaignId: scope.campaign.id,
    });
    return { ok: true as const };
  });
}

/** The invited stakeholders of an evaluation, for the council (labels and dates, no address). */
export async function listReviewGuests(db: DbOrTrx, territoryId: string, evaluationId: string) {
  const rows = await db.selectFrom("review_guest").select(["id", "label", "created_at"]).where("territory_id", "=", territoryId).where("evaluation_id", "=", evaluationId).orderBy("created_at").execute();
  return rows.map((r) => ({ id: r.id, label: r.label, invitedAt: r.created_at }));
}

/** The guest a personal link belongs to, with its evaluation; 404 for an unknown link. */
async function findGuest(db: DbOrTrx, token: string) {
  const guest = await db
    .selectFrom("review_guest as g")
    .innerJoin("evaluation as e", (join) => join.onRef("e.id", "=", "g.evaluation_id").onRef("e.territory_id", "=", "g.territory_id"))
    .select(["g.id", "g.territory_id", "g.label", "e.campaign_id"])
    .where("g.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!guest) throw new Response("Not found", { status: 404 });
  return { id: guest.id, territoryId: guest.territory_id, label: guest.label, campaignId: guest.campaign_id };
}

/**
 * What an invited stakeholder sees through their link: the evaluation once the review opened
 * (everyone's positions, named by association or label, and the council's answers), their own
 * position in the form. Nothing of the draft before the council opens the review.
 */
export async function getGuestReviewPage(db: Db, token: string) {
  const guest = await findGuest(db, token);
  const scope = await getCampaignScope(db, guest.territoryId, guest.campaignId);
  const definition = scope.framework.definition;
  const labels = {
    groups: definition.stakeholderGroups.map((g) => ({ id: g.id, label: g.label })),
    dimensions: definition.dimensions.map((d) => ({ id: d.id, label: d.label })),
    projects: scope.projects.map((p) => ({ id: p.id, name: p.name })),
  };
  const campaign = { title: scope.campaign.title, k: scope.campaign.k };
  const review = await loadReview(db, guest.territoryId, guest.campaignId);
  const state = review?.evaluation.state ?? "draft";
  if (!review || state === "draft") return { guest: { label: guest.label }, campaign, labels, state, review: null };
  return {
    guest: { label: guest.label },
    campaign,
    labels,
    state,
    review: {
      summary: review.evaluation.summary,
      // The members' comments stay among members: the page shows no comment.
      findings: review.findings.map(({ comments: _comments, ...f }) => ({
        ...f,
        mine: f.positions.find((p) => p.guestId === guest.id) ?? null,
        // Positions named by association or label only: no member's name through a link.
        positions: f.positions.map(({ userId: _userId, guestId: _guestId, person: _person, ...p }) => p),
      })),
    },
  };
}

/** An invited stakeholder marks a finding, replacing their previous position; only while the review is open. */
export async function recordGuestPosition(db: Db, token: string, input: PositionInput): Promise<Result> {
  const guest = await findGuest(db, token);
  const evaluation = await evaluationIn(db, guest.territoryId, guest.campaignId, ["review"]);
  if (!evaluation.ok) return evaluation;
  const finding = await findFinding(db, guest.territoryId, evaluation.id, input.findingId);
  const values = positionValues(input);
  await db
    .insertInto("guest_finding_review")
    .values({ id: newId(), territory_id: guest.territoryId, finding_id: finding.id, guest_id: guest.id, ...values })
    .onConflict((oc) => oc.columns(["finding_id", "guest_id"]).doUpdateSet(values))
    .execute();
  return { ok: true };
}
