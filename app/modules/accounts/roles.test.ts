import { describe, expect, it } from "vitest";
import { isRole, wouldRemoveLastAdmin } from "./roles";

describe("roles", () => {
  it("refuses to demote the only administrator", () => {
    expect(wouldRemoveLastAdmin(1, "admin", "editor")).toBe(true);
    expect(wouldRemoveLastAdmin(2, "admin", "editor")).toBe(false);
    expect(wouldRemoveLastAdmin(1, "editor", "viewer")).toBe(false);
  });

  it("accepts only the five known roles", () => {
    expect(isRole("facilitator")).toBe(true);
    expect(isRole("superadmin")).toBe(false);
  });
});
