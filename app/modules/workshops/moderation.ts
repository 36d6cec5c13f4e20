import type { StoryStatus } from "../../../db/schema";
import { isTextPublishable, moderateText } from "../results/text-moderation";
import type { ModerationInput } from "./workshop-form";

export type ModerationOutcome = { ok: true; status: StoryStatus; text: string } | { ok: false; key: "workshops.errors.anonymiseText" };

/**
 * A moderation decision. Anonymise = the moderator's edited text (names and places removed)
 * replaces the original, which is not kept, and the story is approved.
 */
export function moderateStory(story: { text: string }, input: ModerationInput): ModerationOutcome {
  // The rule is the one free-text answers follow (results/text-moderation.ts); only the message is the workshop's.
  const outcome = moderateText(story.text, input);
  return outcome.ok ? outcome : { ok: false, key: "workshops.errors.anonymiseText" };
}

/** A story reaches results only approved, and only for a group at least as large as the free-text threshold. */
export function isStoryPublishable(story: { status: StoryStatus; groupId: string }, groupSizes: ReadonlyMap<string, number>, threshold: number): boolean {
  return isTextPublishable(story.status, groupSizes.get(story.groupId) ?? 0, threshold);
}
