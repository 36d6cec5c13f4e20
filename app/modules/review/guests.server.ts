import type { Db, DbOrTrx } from "../../../db/connection";
import { createTranslator } from "../../i18n/i18n";
import { newId, sha256 } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { getCampaignScope } from "../campaigns/campaigns.server";
import { formFailure, type Result } from "../failure";
import { queueEmail } from "../outbox/outbox.server";
import { findFinding, type PositionInput, positionValues } from "./contributions.server";
import { type Actor, evaluationIn, inState } from "./evaluation.server";
import type { ReviewForm } from "./forms";
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
    .select(["g.id", "g.territory_id", "g.label", "e.id as evaluation_id", "e.state as evaluation_state", "e.campaign_id"])
    .where("g.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!guest) throw new Response("Not found", { status: 404 });
  return { id: guest.id, territoryId: guest.territory_id, label: guest.label, evaluation: { id: guest.evaluation_id, state: guest.evaluation_state }, campaignId: guest.campaign_id };
}

/**
 * The finding a guest acts on: 404 when it is not of the evaluation their link is for (another
 * evaluation's, another territory's), then refused unless the review is open.
 */
async function guestFinding(db: DbOrTrx, token: string, findingId: string): Promise<Result<{ guest: Awaited<ReturnType<typeof findGuest>>; findingId: string }>> {
  const guest = await findGuest(db, token);
  const finding = await findFinding(db, guest.territoryId, guest.evaluation.id, findingId);
  const evaluation = inState(guest.evaluation, ["review"]);
  if (!evaluation.ok) return evaluation;
  return { ok: true, guest, findingId: finding.id };
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
      findings: review.findings.map(({ comments, ...f }) => ({
        ...f,
        // Invited stakeholders' comments, named by label; members' name a person and stay among members.
        comments: comments.flatMap((c) => (c.guest === null ? [] : [{ id: c.id, guest: c.guest, body: c.body, createdAt: c.createdAt }])),
        mine: f.positions.find((p) => p.guestId === guest.id) ?? null,
        // Positions named by association or label only: no member's name through a link.
        positions: f.positions.map(({ userId: _userId, guestId: _guestId, person: _person, ...p }) => p),
      })),
    },
  };
}

/** An invited stakeholder marks a finding, replacing their previous position; only while the review is open. */
async function recordGuestPosition(db: Db, token: string, input: PositionInput): Promise<Result> {
  const found = await guestFinding(db, token, input.findingId);
  if (!found.ok) return found;
  const { guest, findingId } = found;
  const values = positionValues(input);
  await db
    .insertInto("guest_finding_review")
    .values({ id: newId(), territory_id: guest.territoryId, finding_id: findingId, guest_id: guest.id, ...values })
    .onConflict((oc) => oc.columns(["finding_id", "guest_id"]).doUpdateSet(values))
    .execute();
  return { ok: true };
}

/** An invited stakeholder comments on a finding, named by their label; only while the review is open. */
async function addGuestComment(db: Db, token: string, input: { findingId: string; body: string }): Promise<Result> {
  const found = await guestFinding(db, token, input.findingId);
  if (!found.ok) return found;
  const { guest, findingId } = found;
  await db.insertInto("guest_review_comment").values({ id: newId(), territory_id: guest.territoryId, finding_id: findingId, guest_id: guest.id, body: input.body, created_at: nowIso() }).execute();
  return { ok: true };
}

/** One form sent through a guest's link: a position or a comment; any other form of the review page is refused. */
export async function applyGuestForm(db: Db, token: string, form: ReviewForm): Promise<Result> {
  switch (form.intent) {
    case "position":
      return recordGuestPosition(db, token, { findingId: form.target, position: form.position, reason: form.reason, rewording: form.rewording });
    case "comment":
      return addGuestComment(db, token, { findingId: form.target, body: form.body });
    default:
      return formFailure("review.errors.wrongState", { state: "" });
  }
}
