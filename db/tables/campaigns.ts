import type { Generated } from "kysely";

// Frameworks, campaigns, invitations, survey answers and the counts results are read from.
/** In the order of DESIGN.md §4: draft → open → closed → in review → published. */
export const CAMPAIGN_STATES = ["draft", "open", "closed", "in_review", "published"] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];
export const RESPONSE_SOURCES = ["online", "paper", "workshop"] as const;
export type ResponseSource = (typeof RESPONSE_SOURCES)[number];
export const INVITATION_KINDS = ["personal", "open_link", "paper"] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

export interface FrameworkTable {
  id: string;
  territory_id: string | null;
  slug: string;
  forked_from_framework_id: string | null;
  /** The exact version a fork copied (migration 0004). */
  forked_from_version_id: string | null;
  created_at: string;
}

export interface FrameworkVersionTable {
  id: string;
  framework_id: string;
  territory_id: string | null;
  version_number: number;
  status: "draft" | "published";
  definition: string;
  created_at: string;
  published_at: string | null;
}

export interface CampaignTable {
  id: string;
  territory_id: string;
  framework_version_id: string;
  title: string;
  description: Generated<string>;
  state: Generated<CampaignState>;
  is_anonymous: Generated<number>;
  k: Generated<number>;
  opens_on: string | null;
  closes_on: string | null;
  created_by_user_id: string | null;
  created_at: string;
  personal_data_deleted_at: string | null;
}

export interface CampaignProjectTable {
  campaign_id: string;
  project_id: string;
  position: Generated<number>;
}

export interface CampaignGroupTable {
  campaign_id: string;
  group_id: string;
  position: Generated<number>;
}

/** A stakeholder group NOT asked about one of the campaign's projects (migration 0018; none = all asked). */
export interface CampaignGroupUnaskedTable {
  territory_id: string;
  campaign_id: string;
  group_id: string;
  project_id: string;
}

export interface CampaignNeighbourhoodTable {
  campaign_id: string;
  name: string;
  position: Generated<number>;
}

export interface InvitationTable {
  id: string;
  territory_id: string;
  campaign_id: string;
  kind: InvitationKind;
  code: string;
  group_id: string;
  neighbourhood: string | null;
  email: string | null;
  display_name: string | null;
  max_responses: number | null;
  response_count: Generated<number>;
  is_opened: Generated<number>;
  sent_at: string | null;
  reminded_at: string | null;
  created_at: string;
}

export interface EmailOptOutTable {
  territory_id: string;
  email: string;
  created_at: string;
}

export interface SurveyDraftTable {
  id: string;
  territory_id: string;
  campaign_id: string;
  invitation_id: string;
  resume_code: string;
  answers: Generated<string>;
  step: Generated<number>;
  updated_on: string;
}

export interface SubmissionReceiptTable {
  key: string;
  territory_id: string;
  campaign_id: string;
}

export interface ResponseTable {
  id: string;
  territory_id: string;
  campaign_id: string;
  group_id: string;
  source: ResponseSource;
  invitation_id: string | null;
  submitted_on: string;
}

export interface AnswerTable {
  response_id: string;
  project_id: string;
  indicator_id: string;
  value: string;
}

export interface CountCellTable {
  campaign_id: string;
  project_id: string;
  indicator_id: string;
  group_id: string;
  source: ResponseSource;
  value: string;
  territory_id: string;
  count: number;
}

/** Responses per campaign, group and source, kept by triggers on `response` (migration 0015). */
export interface ResponseTallyTable {
  campaign_id: string;
  group_id: string;
  source: ResponseSource;
  territory_id: string;
  responses: number;
}

/** A council editor's decision on one free-text answer (migration 0015); no row = not yet read. */
export interface TextModerationTable {
  answer_key: string;
  response_id: string;
  territory_id: string;
  campaign_id: string;
  status: "approved" | "rejected";
}

export interface ReportedFigureTable {
  territory_id: string;
  campaign_id: string;
  project_id: string;
  indicator_id: string;
  value: number;
  source_note: string | null;
  entered_by_user_id: string | null;
  entered_at: string;
}

export interface ResultsSubscriberTable {
  id: string;
  territory_id: string;
  campaign_id: string;
  email: string;
}
