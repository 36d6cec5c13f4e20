import type { Database } from "../../db/schema";

/**
 * Which area of app/modules owns each table: only that area's files name the table in a query.
 * Another area asks the owner through an exported function (or, inside a transaction that spans
 * areas, calls the owner's write with its `trx`). `satisfies` makes a new table in db/schema.ts
 * fail typecheck until it has an owner; tests/architecture/boundaries.test.ts holds the rest.
 */
export const TABLE_OWNERS = {
  territory: "accounts",
  user: "accounts",
  membership: "accounts",
  user_session: "accounts",
  member_invitation: "accounts",
  password_reset: "accounts",
  association: "projects",
  project: "projects",
  audit_log: "audit",
  outbox_message: "outbox",
  framework: "frameworks",
  framework_version: "frameworks",
  campaign: "campaigns",
  campaign_project: "campaigns",
  campaign_group: "campaigns",
  campaign_neighbourhood: "campaigns",
  invitation: "invitations",
  email_opt_out: "invitations",
  survey_draft: "surveys",
  submission_receipt: "surveys",
  response: "surveys",
  answer: "surveys",
  // Written in the submit's transaction with the response; results reads it through surveys.
  count_cell: "surveys",
  // Kept by triggers on `response` (migration 0015): participation without counting responses.
  response_tally: "surveys",
  results_subscriber: "surveys",
  workshop: "workshops",
  workshop_indicator: "workshops",
  workshop_vote: "workshops",
  workshop_position: "workshops",
  workshop_story: "workshops",
  evaluation: "review",
  finding: "review",
  finding_review: "review",
  review_guest: "review",
  guest_finding_review: "review",
  review_comment: "review",
  guest_review_comment: "review",
  council_answer: "review",
  commitment: "review",
  reported_figure: "results",
  // Moderation of free-text answers (migration 0015); the texts themselves stay in `answer`.
  text_moderation: "results",
} as const satisfies Record<keyof Database, string>;

/**
 * The layering, lowest first: an area imports only areas of a lower layer, so no import cycle
 * can form. Areas of one layer do not import each other.
 */
export const AREA_LAYERS = [
  ["audit", "outbox"],
  ["projects", "frameworks"],
  ["accounts"],
  ["campaigns"],
  ["invitations"],
  ["surveys"],
  ["participation", "results"],
  ["workshops", "paper"],
  ["review"],
  ["publication"],
  // Operations (health, db:verify) and privacy (RGPD page, exports, erasure) own no table: they
  // read and erase through every area's exported functions, so they sit on top.
  ["operations", "privacy"],
  ["demo"],
] as const;
