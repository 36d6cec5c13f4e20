import { describe, expect, it } from "vitest";
import type { Indicator } from "../../../evaluation-frameworks/schema";
import { projectScores } from "../results/project-scores";
import type { IndicatorResult } from "../results/results-types";
import { indicatorScore } from "../results/scores";
import { buildDraftFindings, type QuestionResult, type ReportedInput } from "./draft";
import { reportedFrom } from "./from-results";

const likert = { id: "l5", type: "likert", points: 5, labels: { fr: ["1", "2", "3", "4", "5"], en: ["1", "2", "3", "4", "5"] } } as unknown as QuestionResult["scale"];
const indicator = { id: "q1", dimension: "power", weight: 1, polarity: "positive" as const, label: { fr: "Q1", en: "Q1" } };
const shown = (counts: Record<string, number>) => ({ shown: true as const, n: Object.values(counts).reduce((a, b) => a + b, 0), dontKnow: 0, mean: null, distribution: Object.entries(counts).map(([value, count]) => ({ value, count })) });
const framework = { dimensions: [{ id: "power", label: { fr: "Pouvoir d'agir", en: "Power" }, description: { fr: "x", en: "x" }, weight: 1 }] };

/**
 * The results engine (what the results page shows) run on the same masked figures as the
 * draft: each question's per-group figures, and the reported figures' progress.
 */
function engineScores(questions: readonly QuestionResult[], groupIds: readonly string[], reported: readonly ReportedInput[] = []) {
  const results = questions.map((q) => ({
    indicatorId: q.indicator.id,
    dimensionId: q.indicator.dimension,
    figures: q.byGroup.map((g) => ({
      projectId: q.projectId,
      groupId: g.groupId,
      source: null,
      result: g.result.shown ? { hidden: false as const, statistics: {}, score: indicatorScore(q.scale, q.indicator.polarity, new Map(g.result.distribution.map((d) => [d.value, d.count]))) } : { hidden: true as const, reason: "smallGroup" as const },
    })),
  })) as unknown as IndicatorResult[];
  const indicators = [...questions.map((q) => q.indicator), ...reported.map((r) => ({ id: r.indicatorId, dimension: r.dimensionId, weight: 1 }))] as unknown as Indicator[];
  const progress = reported.map((r) => ({ projectId: r.projectId, indicatorId: r.indicatorId, progress: r.result.hidden ? null : r.result.progress }));
  return projectScores({ dimensions: framework.dimensions, indicators, results, progress, projectIds: ["p1"], groupIds });
}

describe("draft findings from masked results", () => {
  it("a group hidden by the results service stays hidden: no number, and the headline uses the shown groups only", () => {
    const question: QuestionResult = { projectId: "p1", indicator, scale: likert, total: shown({ "5": 6, "1": 2 }), byGroup: [{ groupId: "residents", result: shown({ "5": 6 }) }, { groupId: "council", result: { shown: false } }] };
    const [finding] = buildDraftFindings(framework, ["p1"], ["residents", "council"], [question], { reported: [], workshop: { positions: [], stories: [] }, scores: engineScores([question], ["residents", "council"]) });
    expect(finding?.figures.groups[0]).toMatchObject({ groupId: "residents", score: { hidden: false, score: 100 } });
    expect(finding?.figures.groups[1]).toEqual({ groupId: "council", score: { hidden: true } });
    // Likert 5/5 rescaled to 100 (DESIGN.md §6); the hidden group is left out of the headline.
    expect(finding?.figures.score).toMatchObject({ hidden: false, score: 100 });
    expect(JSON.stringify(finding?.figures.groups[1])).not.toMatch(/\d/);
  });

  it("a gap of 15 points or more between two shown groups is a divergence finding", () => {
    const question: QuestionResult = { projectId: "p1", indicator, scale: likert, total: shown({ "5": 5, "1": 5 }), byGroup: [{ groupId: "residents", result: shown({ "5": 5 }) }, { groupId: "council", result: shown({ "1": 5 }) }] };
    const [finding] = buildDraftFindings(framework, ["p1"], ["residents", "council"], [question]);
    expect(finding?.figures.divergence).toEqual({ highGroupId: "residents", lowGroupId: "council", gap: 100 });
  });

  it("a hidden total shows no key figure for that indicator", () => {
    const question: QuestionResult = { projectId: "p1", indicator, scale: likert, total: { shown: false }, byGroup: [] };
    const [finding] = buildDraftFindings(framework, ["p1"], [], [question]);
    expect(finding?.figures.indicators).toEqual([{ indicatorId: "q1", label: { fr: "Q1", en: "Q1" }, result: { hidden: true } }]);
  });

  it("carries the workshops' positions and publishable stories of its project and dimension, and the reported figures masked as the results service masked them (unreported ones left out)", () => {
    const question: QuestionResult = { projectId: "p1", indicator, scale: likert, total: shown({ "5": 5 }), byGroup: [] };
    const common = { projectId: "p1", dimensionId: "power", label: { fr: "R", en: "R" }, unit: null, baseline: 10, target: 20, progress: 50, numerator: [], denominator: [] };
    const reported = reportedFrom({
      reported: [
        { ...common, indicatorId: "hours", value: 15, sourceNote: null, enteredBy: null, enteredAt: null },
        { ...common, indicatorId: "notReported", value: null, sourceNote: null, enteredBy: null, enteredAt: null },
      ],
      computed: [
        { ...common, indicatorId: "rate", status: "smallDenominator", value: null, progress: null },
        { ...common, indicatorId: "missingPart", status: "missing", value: null, progress: null },
      ],
    });
    const workshop = {
      positions: [
        { projectId: "p1", indicatorId: "q1", kind: "divided" as const, reasoning: "Partagé", minorityView: "Rien n'a changé" },
        { projectId: "p2", indicatorId: "q1", kind: "consensus" as const, reasoning: "Autre projet", minorityView: null },
      ],
      stories: [
        { projectId: "p1", dimensionId: "power", text: "Une habitante répare des vélos." },
        { projectId: "p1", dimensionId: "jobs", text: "Autre dimension." },
      ],
    };
    const [finding] = buildDraftFindings(framework, ["p1"], [], [question], { reported, workshop, scores: [] });
    expect(finding?.figures.workshopPositions).toEqual([{ indicatorId: "q1", label: { fr: "Q1", en: "Q1" }, kind: "divided", reasoning: "Partagé", minorityView: "Rien n'a changé" }]);
    expect(finding?.figures.stories).toEqual([{ text: "Une habitante répare des vélos.", source: "workshop" }]);
    expect(finding?.figures.reported.map((r) => [r.indicatorId, r.result])).toEqual([
      ["hours", { hidden: false, value: 15, progress: 50 }],
      ["rate", { hidden: true }],
    ]);
  });

  it("a dimension with reported figures but no question still gets a finding", () => {
    const reported = reportedFrom({ reported: [{ projectId: "p1", dimensionId: "power", indicatorId: "hours", label: { fr: "H", en: "H" }, unit: null, value: 3, sourceNote: null, enteredBy: null, enteredAt: null, baseline: null, target: null, progress: null }], computed: [] });
    const findings = buildDraftFindings(framework, ["p1"], [], [], { reported, workshop: { positions: [], stories: [] }, scores: [] });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.figures.score).toBeNull();
  });

  // How answers and progress combine is project-scores.test.ts's; here, what the draft adds to the engine's score.
  it("a headline with a reported figure's progress in it has no answers-only interval, and each group keeps its own score", () => {
    // Residents answer 75/100; the figure reached its target (progress 100).
    const question: QuestionResult = { projectId: "p1", indicator, scale: likert, total: shown({ "5": 4, "3": 4 }), byGroup: [{ groupId: "residents", result: shown({ "5": 4, "3": 4 }) }] };
    const reported = reportedFrom({ reported: [{ projectId: "p1", dimensionId: "power", indicatorId: "exits", label: { fr: "S", en: "S" }, unit: null, value: 75, sourceNote: null, enteredBy: null, enteredAt: null, baseline: null, target: 60, progress: 100 }], computed: [] });
    const scores = engineScores([question], ["residents"], reported);
    const [finding] = buildDraftFindings(framework, ["p1"], ["residents"], [question], { reported, workshop: { positions: [], stories: [] }, scores });
    // No answers-only interval around a score the answers are not all of.
    expect(finding?.figures.score).toMatchObject({ hidden: false, low: null, high: null });
    expect(finding?.figures.groups[0]).toMatchObject({ score: { hidden: false, score: 75 } });
  });

  it("a dimension whose only group is hidden and has no progress stays hidden", () => {
    const question: QuestionResult = { projectId: "p1", indicator, scale: likert, total: { shown: false }, byGroup: [{ groupId: "residents", result: { shown: false } }] };
    const [finding] = buildDraftFindings(framework, ["p1"], ["residents"], [question], { reported: [], workshop: { positions: [], stories: [] }, scores: engineScores([question], ["residents"]) });
    expect(finding?.figures.score).toEqual({ hidden: true });
  });
});
