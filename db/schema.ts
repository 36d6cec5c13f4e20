import type { Generated, Insertable, Selectable } from "kysely";

// The Kysely view of the database. Column names are snake_case, as in SQL: one convention,
// no renaming layer. Dates are ISO-8601 text; *_on columns hold a day (YYYY-MM-DD) only.

// The fixed lists of values a column may hold, with their types derived: code that checks or
// offers a value uses the list, so neither a cast nor a second copy of it is needed.
export const ROLES = ["admin", "editor", "facilitator", "association_member", "viewer"] as const;
export type Role = (typeof ROLES)[number];
/** In the order of DESIGN.md §4: draft → open → closed → in review → published. */
export const CAMPAIGN_STATES = ["draft", "open", "closed", "in_review", "published"] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];
export const RESPONSE_SOURCES = ["online", "paper", "workshop"] as const;
export type ResponseSource = (typeof RESPONSE_SOURCES)[number];
export const INVITATION_KINDS = ["personal", "open_link", "paper"] as const;
export type InvitationKind = (typeof INVITATION_KINDS)[number];

export interface TerritoryTable {
  id: string;
  slug: string;
  name: string;
  kind: "commune" | "epci" | "departement" | "region";
  created_at: string;
}

export interface UserTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  created_at: string;
}

export interface MembershipTable {
  id: string;
  territory_id: string;
  user_id: string;
  role: Role;
  association_id: string | null;
  created_at: string;
}

export interface UserSessionTable {
  id: string;
  user_id: string;
  territory_id: string;
  expires_at: string;
  created_at: string;
}

export interface PasswordResetTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface MemberInvitationTable {
  id: string;
  territory_id: string;
  email: string;
  role: Role;
  association_id: string | null;
  token_hash: string;
  invited_by_user_id: string | null;
  expires_at: string;
  accepted_at: string | null;
  created_at: string;
}

export interface AssociationTable {
  id: string;
  territory_id: string;
  name: string;
  kind: "association" | "siae" | "scic" | "entreprise" | "other";
  description: Generated<string>;
  created_at: string;
}

export interface ProjectTable {
  id: string;
  territory_id: string;
  association_id: string | null;
  name: string;
  description: Generated<string>;
  created_at: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  territory_id: string;
  actor_user_id: string | null;
  entity_type: string;
  entity_id: string;
  action: string;
  from_state: string | null;
  to_state: string | null;
  at: string;
}

export interface OutboxMessageTable {
  id: string;
  territory_id: string;
  kind: string;
  to_address: string;
  subject: string;
  text_body: string;
  created_at: string;
  sent_at: string | null;
  error: string | null;
  /** Set for campaign e-mails (invitations, reminders): erased with the campaign's personal data. */
  campaign_id: string | null;
  /** pending → sending (claimed by the worker) → sent | failed; uncertain: a crash caught it mid-send. */
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  /** When a pending message may be tried again (back-off after a failure); null: at once. */
  next_attempt_at: string | null;
  claimed_at: string | null;
}

export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "uncertain"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

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

export interface Database {
  territory: TerritoryTable;
  user: UserTable;
  membership: MembershipTable;
  user_session: UserSessionTable;
  member_invitation: MemberInvitationTable;
  password_reset: PasswordResetTable;
  association: AssociationTable;
  project: ProjectTable;
  audit_log: AuditLogTable;
  outbox_message: OutboxMessageTable;
  framework: FrameworkTable;
  framework_version: FrameworkVersionTable;
  campaign: CampaignTable;
  campaign_project: CampaignProjectTable;
  campaign_group: CampaignGroupTable;
  campaign_neighbourhood: CampaignNeighbourhoodTable;
  invitation: InvitationTable;
  email_opt_out: EmailOptOutTable;
  survey_draft: SurveyDraftTable;
  submission_receipt: SubmissionReceiptTable;
  response: ResponseTable;
  answer: AnswerTable;
  count_cell: CountCellTable;
  response_tally: ResponseTallyTable;
  text_moderation: TextModerationTable;
  results_subscriber: ResultsSubscriberTable;
  workshop: WorkshopTable;
  workshop_indicator: WorkshopIndicatorTable;
  workshop_vote: WorkshopVoteTable;
  workshop_position: WorkshopPositionTable;
  workshop_story: WorkshopStoryTable;
  evaluation: EvaluationTable;
  finding: FindingTable;
  finding_review: FindingReviewTable;
  review_guest: ReviewGuestTable;
  guest_finding_review: GuestFindingReviewTable;
  review_comment: ReviewCommentTable;
  council_answer: CouncilAnswerTable;
  commitment: CommitmentTable;
  reported_figure: ReportedFigureTable;
}

export type Territory = Selectable<TerritoryTable>;
export type User = Selectable<UserTable>;
export type Membership = Selectable<MembershipTable>;
export type Association = Selectable<AssociationTable>;
export type Project = Selectable<ProjectTable>;
export type Campaign = Selectable<CampaignTable>;
export type Invitation = Selectable<InvitationTable>;
export type NewAuditLog = Insertable<AuditLogTable>;
