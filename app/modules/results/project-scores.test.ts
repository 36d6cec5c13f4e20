import { describe, expect, it } from "vitest";
import type { Indicator } from "../../../evaluation-frameworks/schema";
import { projectScores } from "./project-scores";
import type { IndicatorResult } from "./results-types";
import { indicatorScore } from "./scores";

const likert = { id: "l5", type: "likert", points: 5, labels: { fr: ["1", "2", "3", "4", "5"], en: ["1", "2", "3", "4", "5"] } } as unknown as Parameters<typeof indicatorScore>[0];
const dimensions = [{ id: "power", label: { fr: "Pouvoir d'agir", en: "Power" }, description: { fr: "x", en: "x" }, weight: 1 }];

describe("project scores", () => {
  it("a dimension's score weighs the answers and a reported figure's progress by the framework's weights", () => {
    // Residents answer 75/100 (four 5s, four 3s on a 1–5 scale); the figure reached its target (progress 100).
    const score = indicatorScore(likert, "positive", new Map([["5", 4], ["3", 4]]));
    const results = [{ indicatorId: "q1", dimensionId: "power", figures: [{ projectId: "p1", groupId: "residents", source: null, result: { hidden: false, statistics: {}, score } }] }] as unknown as IndicatorResult[];
    const indicators = [{ id: "q1", dimension: "power", weight: 1 }, { id: "exits", dimension: "power", weight: 1 }] as unknown as Indicator[];
    const [project] = projectScores({ dimensions, indicators, results, progress: [{ projectId: "p1", indicatorId: "exits", progress: 100 }], projectIds: ["p1"], groupIds: ["residents"] });
    const dimension = project?.dimensions[0];
    expect(dimension?.byGroup[0]?.score).toMatchObject({ hidden: false, score: 75 });
    expect(dimension?.progress).toEqual([{ indicatorId: "exits", progress: 100 }]);
    expect(dimension?.score).toBeCloseTo(87.5);
  });
});
