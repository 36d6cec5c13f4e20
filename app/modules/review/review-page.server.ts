import type { Db } from "../../../db/connection";
import type { Role } from "../../../db/schema";
import { COUNCIL_EDITORS } from "../accounts/roles";
import { getCampaignScope } from "../campaigns/campaigns.server";
import { publicEvaluationPath } from "./publish.server";
import { listReviewGuests } from "./guests.server";
import { loadReview } from "./review-content.server";
import { getTerritorySlug } from "../accounts/territories.server";

type Viewer = { territoryId: string; userId: string; role: Role };

/**
 * The review page of a campaign: the evaluation as the viewer may see it and what they may do.
 * The council sees the draft; the others see the evaluation once the review opened. Labels
 * come mapped, so the page needs nothing else.
 */
export async function getReviewPage(db: Db, viewer: Viewer, campaignId: string) {
  const scope = await getCampaignScope(db, viewer.territoryId, campaignId);
  const isCouncil = COUNCIL_EDITORS.includes(viewer.role);
  const definition = scope.framework.definition;
  const campaign = { id: scope.campaign.id, title: scope.campaign.title, state: scope.campaign.state, k: scope.campaign.k };
  const labels = {
    groups: definition.stakeholderGroups.map((g) => ({ id: g.id, label: g.label })),
    dimensions: definition.dimensions.map((d) => ({ id: d.id, label: d.label })),
    projects: scope.projects.map((p) => ({ id: p.id, name: p.name })),
  };
  const review = await loadReview(db, viewer.territoryId, campaignId);
  if (!review || (review.evaluation.state === "draft" && !isCouncil)) return { campaign, labels, review: null, can: null, publicPath: null };
  const state = review.evaluation.state;
  const territory = state === "published" ? await getTerritorySlug(db, viewer.territoryId) : null;
  return {
    campaign,
    labels,
    review: {
      ...review,
      // Each person sees their own position in the form; everyone sees everyone's in the list.
      guests: isCouncil ? await listReviewGuests(db, viewer.territoryId, review.evaluation.id) : [],
      findings: review.findings.map((f) => ({ ...f, mine: f.positions.find((p) => p.userId === viewer.userId) ?? null, positions: f.positions.map(({ userId: _userId, guestId: _guestId, ...p }) => p) })),
    },
    can: {
      edit: isCouncil && state === "draft",
      editSummary: isCouncil && state !== "published",
      open: isCouncil && state === "draft",
      takePosition: viewer.role === "association_member" && state === "review",
      comment: state === "review",
      answer: isCouncil && (state === "review" || state === "review_closed"),
      close: isCouncil && state === "review",
      publish: isCouncil && state === "review_closed",
      followUp: isCouncil && state !== "published",
      invite: isCouncil && (state === "draft" || state === "review"),
    },
    publicPath: territory ? publicEvaluationPath(territory.slug, review.evaluation.id) : null,
  };
}
