import type { Insertable, Selectable } from "kysely";
import type { AssociationTable, AuditLogTable, MemberInvitationTable, MembershipTable, OutboxMessageTable, PasswordResetTable, ProjectTable, TerritoryTable, UserSessionTable, UserTable } from "./tables/members";
import type { AnswerTable, CampaignGroupTable, CampaignNeighbourhoodTable, CampaignProjectTable, CampaignTable, CountCellTable, EmailOptOutTable, FrameworkTable, FrameworkVersionTable, InvitationTable, ReportedFigureTable, ResponseTable, ResponseTallyTable, ResultsSubscriberTable, SubmissionReceiptTable, SurveyDraftTable, TextModerationTable } from "./tables/campaigns";
import type { WorkshopIndicatorTable, WorkshopPositionTable, WorkshopStoryTable, WorkshopTable, WorkshopVoteTable } from "./tables/workshops";
import type { CommitmentTable, CouncilAnswerTable, EvaluationTable, FindingReviewTable, FindingTable, GuestFindingReviewTable, GuestReviewCommentTable, ReviewCommentTable, ReviewGuestTable } from "./tables/review";

// The Kysely view of the database. Column names are snake_case, as in SQL: one convention,
// no renaming layer. Dates are ISO-8601 text; *_on columns hold a day (YYYY-MM-DD) only.
// One file per group of tables in db/tables/; this file assembles them into Kysely's `Database`.
export * from "./tables/members";
export * from "./tables/campaigns";
export * from "./tables/workshops";
export * from "./tables/review";

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
  guest_review_comment: GuestReviewCommentTable;
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
