import { describe, expect, it } from "vitest";
import type { Framework, Indicator } from "../../../evaluation-frameworks/schema";
import { type SourceCountCell, indicatorResults } from "./indicator-results";

// A group not asked about a project (campaign_group_unasked, issue #15) gets no figure for it:
// not 0, not a hidden figure (whose place would say « someone answered »).

const likert = { id: "accord", type: "likert", points: 5, labels: [1, 2, 3, 4, 5].map((n) => ({ fr: String(n), en: String(n) })) } as const;
const indicator = { id: "q1", dimension: "d", level: "resultat", kind: "question", label: { fr: "q1", en: "q1" }, question: { fr: "q1 ?", en: "q1?" }, scale: "accord", polarity: "positive", audiences: ["residents", "companies"], required: true, weight: 1, sources: ["s"] } as unknown as Indicator;
const framework = { scales: [likert], indicators: [indicator] } as unknown as Framework;

const cell = (projectId: string, groupId: string, value: string, count: number): SourceCountCell => ({ projectId, indicatorId: "q1", groupId, source: "online", value, count });

describe("results of a group not asked about a project", () => {
  const scope = { framework, indicators: [indicator], projectIds: ["ressourcerie", "clauses"], groupIds: ["residents", "companies"], k: 5, unasked: [{ groupId: "residents", projectId: "clauses" }] };
  const cells = [cell("ressourcerie", "residents", "4", 6), cell("ressourcerie", "companies", "3", 6), cell("clauses", "companies", "2", 7)];

  it("has no figure for that pair, while the other pairs keep theirs", () => {
    const [result] = indicatorResults(scope, cells);
    const at = (projectId: string, groupId: string) => result!.figures.filter((f) => f.projectId === projectId && f.groupId === groupId && f.source === null);
    expect(at("clauses", "residents")).toEqual([]);
    expect(at("clauses", "companies")).toHaveLength(1);
    expect(at("ressourcerie", "residents")).toHaveLength(1);
  });

  it("ignores a stray cell for that pair instead of counting it in the project's total", () => {
    const [clean] = indicatorResults(scope, cells);
    const [stray] = indicatorResults(scope, [...cells, cell("clauses", "residents", "5", 9)]);
    const total = (r: typeof clean) => r!.figures.find((f) => f.projectId === "clauses" && f.groupId === null && f.source === null)!.result;
    expect(total(stray)).toEqual(total(clean));
    expect(total(clean).hidden).toBe(false);
  });
});
