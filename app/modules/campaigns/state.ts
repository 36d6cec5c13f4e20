import { CAMPAIGN_STATES, type CampaignState } from "../../../db/schema";

export { CAMPAIGN_STATES, type CampaignState };

/** DESIGN.md §4: draft → open → closed → in review → published, one explicit step at a time. */
const NEXT: Record<CampaignState, readonly CampaignState[]> = {
  draft: ["open"],
  open: ["closed"],
  // A campaign closed too early can be reopened while nobody has started reviewing it.
  closed: ["in_review", "open"],
  in_review: ["published"],
  published: [],
};

export function nextStates(state: CampaignState): readonly CampaignState[] {
  return NEXT[state];
}

export type OpeningFacts = { questionCount: number; invitationCount: number };
export type TransitionError = "campaigns.transitionErrors.notAllowed" | "campaigns.transitionErrors.noQuestions" | "campaigns.transitionErrors.noInvitations" | "campaigns.transitionErrors.publishThroughReview";

/**
 * Why the transition cannot happen, or null when it can. Publishing is a step of the domain
 * order but never a plain transition: only the review area publishes (`markCampaignPublished`),
 * once the review is closed, together with the frozen evaluation.
 */
export function checkTransition(from: CampaignState, to: CampaignState, facts: OpeningFacts): TransitionError | null {
  if (!NEXT[from].includes(to)) return "campaigns.transitionErrors.notAllowed";
  if (to === "published") return "campaigns.transitionErrors.publishThroughReview";
  if (to === "open" && facts.questionCount === 0) return "campaigns.transitionErrors.noQuestions";
  if (to === "open" && facts.invitationCount === 0) return "campaigns.transitionErrors.noInvitations";
  return null;
}

/** Only an open campaign takes answers. */
export function acceptsResponses(state: CampaignState): boolean {
  return state === "open";
}

/**
 * What the council may still correct: everything in draft; once open, only the wording and the
 * dates (the questions, groups, anonymity and k are frozen); nothing once published, since the
 * published evaluation quotes the campaign as it was.
 */
export function editableScope(state: CampaignState): "all" | "wording" | null {
  if (state === "draft") return "all";
  if (state === "published") return null;
  return "wording";
}
