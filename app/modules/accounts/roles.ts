import type { Role } from "../../../db/schema";

export const ROLES: readonly Role[] = ["admin", "editor", "facilitator", "association_member", "viewer"];

/** Who may do what. Routes name the roles they accept from these lists. */
export const COUNCIL_EDITORS: readonly Role[] = ["admin", "editor"];
export const MEMBER_MANAGERS: readonly Role[] = ["admin"];
export const CAMPAIGN_READERS: readonly Role[] = ["admin", "editor", "facilitator", "viewer", "association_member"];
export const WORKSHOP_RUNNERS: readonly Role[] = ["admin", "editor", "facilitator"];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Removing or demoting the last admin would lock the council out of its own space. */
export function wouldRemoveLastAdmin(adminCount: number, currentRole: Role, newRole: Role): boolean {
  return currentRole === "admin" && newRole !== "admin" && adminCount <= 1;
}
