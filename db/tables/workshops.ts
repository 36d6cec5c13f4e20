import type { Generated } from "kysely";

// Workshops: votes in the room, collective positions, stories.
export const VOTE_STATES = ["pending", "open", "closed"] as const;
export type VoteState = (typeof VOTE_STATES)[number];
export const POSITION_KINDS = ["consensus", "majority", "divided"] as const;
export type PositionKind = (typeof POSITION_KINDS)[number];
export const STORY_STATUSES = ["pending", "approved", "rejected"] as const;
export type StoryStatus = (typeof STORY_STATUSES)[number];

export interface WorkshopTable {
  id: string;
  territory_id: string;
  campaign_id: string;
  project_id: string;
  held_on: string;
  place: string;
  join_code: string;
  group_ids: string;
  current_position: Generated<number>;
  joined_count: Generated<number>;
  created_at: string;
}

export interface WorkshopIndicatorTable {
  workshop_id: string;
  position: number;
  territory_id: string;
  indicator_id: string;
  vote_state: Generated<VoteState>;
}

export interface WorkshopVoteTable {
  id: string;
  workshop_id: string;
  territory_id: string;
  indicator_id: string;
  group_id: string;
  participant_hash: string | null;
  value: string;
}

export interface WorkshopPositionTable {
  workshop_id: string;
  indicator_id: string;
  territory_id: string;
  kind: PositionKind;
  reasoning: string;
  minority_view: string | null;
}

export interface WorkshopStoryTable {
  id: string;
  workshop_id: string;
  territory_id: string;
  dimension_id: string;
  project_id: string;
  group_id: string;
  text: string;
  has_consent: number;
  status: Generated<StoryStatus>;
  created_at: string;
}
