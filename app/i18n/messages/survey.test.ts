import { describe, expect, it } from "vitest";
import { survey } from "./survey";

// Plain French for residents (issue #15): a point médian (« concerné·e ») slows weak readers;
// resident texts use both forms or a neutral word. Sentences stay short.
describe("resident survey texts", () => {
  it("have no point médian inside a word", () => {
    expect(Object.entries(survey.fr).filter(([, text]) => /\p{L}·\p{L}/u.test(text))).toEqual([]);
  });

  it("keep sentences short (at most 25 words)", () => {
    const long = Object.entries(survey.fr).flatMap(([key, text]) => text.split(/(?<=[.!?])\s+/).filter((sentence) => sentence.split(/\s+/).length > 25).map((sentence) => `${key}: ${sentence}`));
    expect(long).toEqual([]);
  });
});
