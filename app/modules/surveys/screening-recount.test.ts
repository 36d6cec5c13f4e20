import { describe, expect, it } from "vitest";
import { SCREENING_ID } from "./questions";
import { type CountCell, type GroupScreening, recountNotKnownCells } from "./screening-recount";

const group = (over: Partial<GroupScreening> = {}): GroupScreening => ({ groupId: "residents", responses: 10, projectIds: ["p1", "p2"], answeredBy: new Map([["p1", 10], ["p2", 7]]), yesLeavesAnAnswer: true, ...over });
const notKnown = (projectId: string, count: number): CountCell => ({ projectId, indicatorId: SCREENING_ID, groupId: "residents", source: "online", value: "no", count });

describe("« ne connaît pas » recounted from what the responses left unanswered", () => {
  it("a response without any answer on a project said « no » when a « yes » must answer a required question", () => {
    // 10 responses, 7 with an answer on p2: 3 said « no » to p2, none to p1, whatever is stored.
    expect(recountNotKnownCells([group()], [notKnown("p2", 5)])).toEqual([notKnown("p2", 3)]);
    expect(recountNotKnownCells([group()], [])).toEqual([notKnown("p2", 3)]);
  });

  it("without a required question only the bound is known: a stored count within it is kept, one above recounts as the bound", () => {
    const optional = group({ yesLeavesAnAnswer: false });
    expect(recountNotKnownCells([optional], [notKnown("p2", 2)])).toEqual([notKnown("p2", 2)]);
    expect(recountNotKnownCells([optional], [notKnown("p2", 4)])).toEqual([notKnown("p2", 3)]);
    expect(recountNotKnownCells([optional], [notKnown("p1", 1)])).toEqual([]);
  });

  it("a project the group is not asked about, or another group's or source's cell, recounts nothing", () => {
    expect(recountNotKnownCells([group({ projectIds: ["p1"] })], [notKnown("p2", 3)])).toEqual([]);
    expect(recountNotKnownCells([group({ yesLeavesAnAnswer: false })], [{ ...notKnown("p2", 3), groupId: "council" }, { ...notKnown("p2", 3), source: "paper" }])).toEqual([]);
  });
});
