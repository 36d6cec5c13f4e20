import type { CampaignState } from "../../../db/schema";

/**
 * DESIGN.md §4, « no live results »: results are computed only once a campaign no longer takes
 * answers. While it is open (or still a draft), two readings around one person's submit would
 * give that person's answers, whatever the suppression threshold.
 */
const STABLE_STATES = ["closed", "in_review", "published"] as const satisfies readonly CampaignState[];

export function hasStableResults(state: CampaignState): boolean {
  return STABLE_STATES.some((stable) => stable === state);
}
