import { describe, expect, it } from "vitest";
import { checkTransition, editableScope, nextStates } from "./state";

const ready = { questionCount: 3, invitationCount: 1 };

describe("campaign states", () => {
  it("moves one step at a time from draft to in review", () => {
    expect(checkTransition("draft", "open", ready)).toBeNull();
    expect(checkTransition("open", "closed", ready)).toBeNull();
    expect(checkTransition("closed", "in_review", ready)).toBeNull();
  });

  it("never publishes as a plain transition: publication goes through the closed review", () => {
    expect(nextStates("in_review")).toEqual(["published"]);
    expect(checkTransition("in_review", "published", ready)).toBe("campaigns.transitionErrors.publishThroughReview");
  });

  it("cannot skip a step or come back from published", () => {
    expect(checkTransition("draft", "published", ready)).toBe("campaigns.transitionErrors.notAllowed");
    expect(checkTransition("open", "in_review", ready)).toBe("campaigns.transitionErrors.notAllowed");
    expect(nextStates("published")).toEqual([]);
  });

  it("cannot open without questions or without a way to answer", () => {
    expect(checkTransition("draft", "open", { questionCount: 0, invitationCount: 2 })).toBe("campaigns.transitionErrors.noQuestions");
    expect(checkTransition("draft", "open", { questionCount: 4, invitationCount: 0 })).toBe("campaigns.transitionErrors.noInvitations");
  });

  it("can reopen a closed campaign before its review starts", () => {
    expect(checkTransition("closed", "open", ready)).toBeNull();
    expect(checkTransition("in_review", "open", ready)).toBe("campaigns.transitionErrors.notAllowed");
  });

  it("is corrected fully in draft, only in its wording and dates once open, never once published", () => {
    expect(editableScope("draft")).toBe("all");
    for (const state of ["open", "closed", "in_review"] as const) expect(editableScope(state)).toBe("wording");
    expect(editableScope("published")).toBeNull();
  });
});
