import { describe, expect, it } from "vitest";
import { boardDistribution, isValidVote, voteOptions } from "./board";

const likert = { id: "accord", type: "likert" as const, points: 5 as const, labels: [] };

describe("live board", () => {
  it("hides the distribution until k people gave a substantive answer", () => {
    const tally = new Map([["4", 2], ["dont_know", 5]]);
    expect(boardDistribution(voteOptions(likert) ?? [], tally, 3)).toEqual({ isShown: false, missing: 1 });
  });

  it("shows every answer and « je ne sais pas » once k is reached", () => {
    const tally = new Map([["4", 2], ["5", 1], ["dont_know", 1]]);
    const board = boardDistribution(voteOptions(likert) ?? [], tally, 3);
    expect(board).toEqual({ isShown: true, counts: [{ value: "1", count: 0 }, { value: "2", count: 0 }, { value: "3", count: 0 }, { value: "4", count: 2 }, { value: "5", count: 1 }, { value: "dont_know", count: 1 }] });
  });

  it("refuses a value that is not on the scale", () => {
    expect(isValidVote(likert, "6")).toBe(false);
    expect(isValidVote(likert, "dont_know")).toBe(true);
    expect(voteOptions({ id: "t", type: "text", maxLength: 100 })).toBeNull();
  });
});
