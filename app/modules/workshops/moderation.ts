import type { StoryStatus } from "../../../db/schema";
import type { ModerationInput } from "./workshop-form";

export type ModerationOutcome = { ok: true; status: StoryStatus; text: string } | { ok: false; key: "workshops.errors.anonymiseText" };

/**
 * A moderation decision. Anonymise = the moderator's edited text (names and places removed)
 * replaces the original, which is not kept, and the story is approved.
 */
export function moderateStory(story: { text: string }, input: ModerationInput): ModerationOutcome {
  switch (input.decision) {
    case "approve":
      return { ok: true, status: "approved", text: story.text };
    case "reject":
      return { ok: true, status: "rejected", text: story.text };
    case "anonymise": {
      const text = input.text?.trim() ?? "";
      if (text === "" || text === story.text.trim()) return { ok: false, key: "workshops.errors.anonymiseText" };
      return { ok: true, status: "approved", text };
    }
  }
}

/** A story reaches results only approved, and only for a group at least as large as the free-text threshold. */
export function isStoryPublishable(story: { status: StoryStatus; groupId: string }, groupSizes: ReadonlyMap<string, number>, threshold: number): boolean {
  return story.status === "approved" && (groupSizes.get(story.groupId) ?? 0) >= threshold;
}
