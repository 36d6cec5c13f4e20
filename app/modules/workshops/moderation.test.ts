import { describe, expect, it } from "vitest";
import { isStoryPublishable, moderateStory } from "./moderation";

describe("story moderation", () => {
  const story = { text: "Madame Durand, rue des Lilas, a retrouvé un emploi." };

  it("anonymising replaces the text and approves", () => {
    expect(moderateStory(story, { storyId: "s", decision: "anonymise", text: "Une voisine a retrouvé un emploi." })).toEqual({ ok: true, status: "approved", text: "Une voisine a retrouvé un emploi." });
  });

  it("anonymising without changing the text is refused", () => {
    expect(moderateStory(story, { storyId: "s", decision: "anonymise", text: story.text }).ok).toBe(false);
    expect(moderateStory(story, { storyId: "s", decision: "anonymise" }).ok).toBe(false);
  });

  it("only an approved story of a group at the free-text threshold is publishable", () => {
    const sizes = new Map([["residents", 12], ["council", 3]]);
    expect(isStoryPublishable({ status: "approved", groupId: "residents" }, sizes, 10)).toBe(true);
    expect(isStoryPublishable({ status: "approved", groupId: "council" }, sizes, 10)).toBe(false);
    expect(isStoryPublishable({ status: "pending", groupId: "residents" }, sizes, 10)).toBe(false);
    expect(isStoryPublishable({ status: "rejected", groupId: "residents" }, sizes, 10)).toBe(false);
  });
});
