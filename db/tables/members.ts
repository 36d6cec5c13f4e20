import type { Generated } from "kysely";

// Territories, members and their sessions, associations and projects, audit log, outbox.
// The fixed lists of values a column may hold, with their types derived: code that checks or
// offers a value uses the list, so neither a cast nor a second copy of it is needed.
export const ROLES = ["admin", "editor", "facilitator", "association_member", "viewer"] as const;
export type Role = (typeof ROLES)[number];

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
