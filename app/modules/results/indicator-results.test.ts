import { describe, expect, it } from "vitest";
import type { Framework } from "../../../evaluation-frameworks/schema";
import { type SourceCountCell, figureAt, indicatorResults } from "./indicator-results";

const likert = { id: "accord", type: "likert", points: 5, labels: [1, 2, 3, 4, 5].map((n) => ({ fr: String(n), en: String(n) })) } as const;
const indicator = { id: "q1", dimension: "d", level: "resultat", kind: "question", label: { fr: "Q1", en: "Q1" }, question: { fr: "Q1 ?", en: "Q1?" }, scale: "accord", polarity: "positive", audiences: ["residents", "council", "associations"], required: true, weight: 1, sources: ["s"] } as const;
const framework = { scales: [likert], indicators: [indicator] } as unknown as Framework;

/** n answers of `value` (and « Je ne sais pas ») for one group and source, as count cells store them. */
function cells(groupId: string, source: string, answers: Record<string, number>): SourceCountCell[] {
  return Object.entries(answers).map(([value, count]) => ({ projectId: "p", indicatorId: "q1", groupId, source, value, count }));
}

describe("indicatorResults", () => {
  // Residents 20 (with 3 « Je ne sais pas »), the council 3 (under k = 5), associations nobody.
  const table = [...cells("residents", "online", { "4": 12, "5": 5, dont_know: 3 }), ...cells("council", "online", { "2": 3 })];
  const [result] = indicatorResults({ framework, indicators: framework.indicators, projectIds: ["p"], groupIds: ["residents", "council", "associations"], k: 5 }, table);
  const at = (groupId: string | null, source: string | null = null) => (result ? figureAt(result.figures, { projectId: "p", groupId, source: source === null ? null : "online" }) : undefined);

  it("hides a group under k and, with a shown total, the next smallest group so the total cannot give it back", () => {
    expect(at("council")?.result).toEqual({ hidden: true, reason: "smallGroup" });
    expect(at("residents")?.result).toEqual({ hidden: true, reason: "protectsAnotherGroup" });
  });

  it("a group nobody answered hides nothing and is not counted as a hidden part", () => {
    expect(at("associations")).toBeUndefined();
  });

  it("counts only substantive answers in n: « Je ne sais pas » is shown apart, never in the base", () => {
    const total = at(null);
    if (!total || total.result.hidden) throw new Error("the project's total (20 answers) is shown");
    expect(total.result.statistics.n).toBe(20);
    expect(total.result.statistics.dontKnow).toBe(3);
    expect(total.result.statistics.distribution.find((d) => d.value === "4")?.share).toBeCloseTo(12 / 20);
  });

  it("a hidden figure carries nothing but its reason", () => {
    for (const figure of result?.figures ?? []) if (figure.result.hidden) expect(Object.keys(figure.result).sort()).toEqual(["hidden", "reason"]);
  });
});
