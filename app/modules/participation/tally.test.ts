import { describe, expect, it } from "vitest";
import { type InvitationTally, participationByGroup, participationByNeighbourhood, participationTotals, responseRate, responsesPerDay } from "./tally";
import { nth } from "../../../tests/helpers/present";

const tally = (over: Partial<InvitationTally>): InvitationTally => ({ kind: "personal", groupId: "residents", neighbourhood: null, invitations: 0, sent: 0, opened: 0, answered: 0, responses: 0, ...over });

// Hand-made campaign: residents got 10 personal invitations in Nord (8 sent, 5 opened, 3 answered)
// and 4 in Centre (4 sent, 2 opened, 2 answered); their open link brought 6 responses.
// Associations got 2 personal invitations without neighbourhood, both sent, 1 answered.
const tallies = [
  tally({ neighbourhood: "Quartier Nord", invitations: 10, sent: 8, opened: 5, answered: 3, responses: 3 }),
  tally({ neighbourhood: "Centre-ville", invitations: 4, sent: 4, opened: 2, answered: 2, responses: 2 }),
  tally({ kind: "open_link", invitations: 1, responses: 6 }),
  tally({ groupId: "associations", invitations: 2, sent: 2, opened: 2, answered: 1, responses: 1 }),
];
const responsesByGroup = new Map([
  ["residents", 11],
  ["associations", 1],
]);

describe("participation tallies", () => {
  it("a response rate is answered over sent, unknown while nothing is sent", () => {
    expect(responseRate(3, 8)).toBe(0.375);
    expect(responseRate(0, 0)).toBeNull();
  });

  it("totals count sent, opened and answered invitations, open links apart", () => {
    expect(participationTotals(tallies, responsesByGroup)).toEqual({ invitations: 16, sent: 14, opened: 9, answered: 6, rate: 6 / 14, openLinkResponses: 6, responses: 12 });
  });

  it("each group of the campaign gets a row, flagged when under k responses", () => {
    const rows = participationByGroup(["residents", "associations", "council"], tallies, responsesByGroup, 5);
    expect(rows.map((r) => [r.groupId, r.sent, r.answered, r.openLinkResponses, r.responses, r.isUnderK])).toEqual([
      ["residents", 12, 5, 6, 11, false],
      ["associations", 2, 1, 0, 1, true],
      ["council", 0, 0, 0, 0, true],
    ]);
    expect(nth(rows, 0).rate).toBeCloseTo(5 / 12);
    expect(nth(rows, 2).rate).toBeNull();
  });

  it("neighbourhoods keep the campaign's order, then unknown ones, then invitations without one", () => {
    const rows = participationByNeighbourhood(["Centre-ville", "Quartier Nord", "Les Hauts"], [...tallies, tally({ neighbourhood: "Gare", invitations: 1, sent: 1 })]);
    expect(rows.map((r) => [r.name, r.invitations, r.sent, r.opened, r.answered])).toEqual([
      ["Centre-ville", 4, 4, 2, 2],
      ["Quartier Nord", 10, 8, 5, 3],
      ["Les Hauts", 0, 0, 0, 0],
      ["Gare", 1, 1, 0, 0],
      [null, 2, 2, 2, 1],
    ]);
  });

  it("responses per day fill quiet days with zero, in date order, across month ends", () => {
    expect(
      responsesPerDay([
        { day: "2026-03-02", responses: 1 },
        { day: "2026-02-27", responses: 4 },
        { day: "not a day", responses: 9 },
      ]),
    ).toEqual([
      { day: "2026-02-27", responses: 4 },
      { day: "2026-02-28", responses: 0 },
      { day: "2026-03-01", responses: 0 },
      { day: "2026-03-02", responses: 1 },
    ]);
    expect(responsesPerDay([])).toEqual([]);
    expect(responsesPerDay([{ day: "2026-01-01", responses: 1 }, { day: "2026-12-31", responses: 1 }], 10)).toHaveLength(10);
  });
});
