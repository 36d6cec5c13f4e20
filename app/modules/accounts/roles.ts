import { ROLES, type Role } from "../../../db/schema";
import { isOneOf } from "../../lib/one-of";

export { ROLES, type Role };

/** Who may do what. Routes name the roles they accept from these lists. */
export const COUNCIL_EDITORS: readonly Role[] = ["admin", "editor"];
export const MEMBER_MANAGERS: readonly Role[] = ["admin"];
export const CAMPAIGN_READERS: readonly Role[] = ["admin", "editor", "facilitator", "viewer", "association_member"];
export const WORKSHOP_RUNNERS: readonly Role[] = ["admin", "editor", "facilitator"];

/**
 * The one place that says which role may do what: the route guards take these lists, and the
 * navigation shows a link only to the roles its page lets in (a link that ends in « Accès
 * refusé » is a mistake waiting to happen).
 */
export const PERMISSIONS = {
  readCampaigns: CAMPAIGN_READERS,
  editCouncilData: COUNCIL_EDITORS,
  readOutbox: COUNCIL_EDITORS,
  manageInvitations: COUNCIL_EDITORS,
  manageMembers: MEMBER_MANAGERS,
  runWorkshops: WORKSHOP_RUNNERS,
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: Permission): boolean {
  return PERMISSIONS[permission].includes(role);
}

export function isRole(value: unknown): value is Role {
  return isOneOf(ROLES, value);
}

/** Removing or demoting the last admin would lock the council out of its own space. */
export function wouldRemoveLastAdmin(adminCount: number, currentRole: Role, newRole: Role): boolean {
  return currentRole === "admin" && newRole !== "admin" && adminCount <= 1;
}
