

// The shared evaluation: findings, positions, guests, comments, answers, commitments.
export const EVALUATION_STATES = ["draft", "review", "review_closed", "published"] as const;
export type EvaluationState = (typeof EVALUATION_STATES)[number];
export const REVIEW_POSITIONS = ["agree", "nuance", "disagree"] as const;
export type ReviewPosition = (typeof REVIEW_POSITIONS)[number];

export interface EvaluationTable {
  id: string;
  territory_id: string;
  campaign_id: string;
  state: EvaluationState;
  summary: string;
  created_at: string;
  review_opened_at: string | null;
  review_closed_at: string | null;
  published_at: string | null;
  /** JSON of the published snapshot (review/snapshot.ts), null before publication. */
  snapshot: string | null;
}

export interface FindingTable {
  id: string;
  territory_id: string;
  evaluation_id: string;
  project_id: string;
  dimension_id: string;
  position: number;
  title: string;
  body: string;
  /** JSON of the masked figures the finding was generated from (review/draft.ts). */
  figures: string;
}

export interface FindingReviewTable {
  id: string;
  territory_id: string;
  finding_id: string;
  user_id: string;
  association_id: string | null;
  position: ReviewPosition;
  reason: string;
  rewording: string | null;
  updated_at: string;
}

/** A stakeholder invited to a review by the council, without an account (migration 0016). */
export interface ReviewGuestTable {
  id: string;
  territory_id: string;
  evaluation_id: string;
  /** Organisation or role their positions are named by (« Conseil citoyen du quartier Nord »). */
  label: string;
  token_hash: string;
  invited_by: string;
  created_at: string;
}

export interface GuestFindingReviewTable {
  id: string;
  territory_id: string;
  finding_id: string;
  guest_id: string;
  position: ReviewPosition;
  reason: string;
  rewording: string | null;
  updated_at: string;
}

export interface ReviewCommentTable {
  id: string;
  territory_id: string;
  finding_id: string;
  user_id: string;
  body: string;
  created_at: string;
}

/** A comment by an invited stakeholder, named by their label like their positions (migration 0017). */
export interface GuestReviewCommentTable {
  id: string;
  territory_id: string;
  finding_id: string;
  guest_id: string;
  body: string;
  created_at: string;
}

export interface CouncilAnswerTable {
  finding_id: string;
  territory_id: string;
  response: string;
  user_id: string;
  answered_at: string;
}

export interface CommitmentTable {
  id: string;
  territory_id: string;
  finding_id: string;
  project_id: string;
  what: string;
  who: string;
  due_on: string | null;
  outcome: string | null;
  created_at: string;
}
