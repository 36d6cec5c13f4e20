import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Dimension, Framework, Indicator } from "../../../evaluation-frameworks/schema";
import { attackerBasis } from "../../../tests/helpers/attacker";
import { type SourceCountCell, indicatorResults } from "./indicator-results";
import { projectScores } from "./project-scores";
import { RESULT_SOURCES, type ResultFigure } from "./results-types";

// The whole results pipeline attacked with random count tables (fast-check): count cells →
// masked figures of every shown margin (stakeholder groups, sources, projects, project totals,
// the campaign total) → dimension scores per group and headline. The attacker sees what a page,
// its loader data or a download holds and tries every addition and subtraction of shown figures
// (exact elimination, tests/helpers/attacker.ts, independent of masking.ts).

const likert = { id: "accord", type: "likert", points: 5, labels: [1, 2, 3, 4, 5].map((n) => ({ fr: String(n), en: String(n) })) } as const;
const question = (id: string, weight: number, polarity: "positive" | "negative") =>
  ({ id, dimension: "d", level: "resultat", kind: "question", label: { fr: id, en: id }, question: { fr: `${id} ?`, en: `${id}?` }, scale: "accord", polarity, audiences: ["g0", "g1", "g2", "g3"], required: true, weight, sources: ["s"] }) as const;
const indicators = [question("q1", 1, "positive"), question("q2", 2, "negative")] as unknown as Indicator[];
const framework = { scales: [likert], indicators } as unknown as Framework;
const dimensions = [{ id: "d" }] as unknown as Dimension[];
const VALUES = ["1", "2", "3", "4", "5", "dont_know"] as const;

const arbitraryCampaign = fc
  .record({
    groups: fc.integer({ min: 1, max: 4 }),
    sources: fc.integer({ min: 1, max: 3 }),
    projects: fc.integer({ min: 1, max: 2 }),
    k: fc.integer({ min: 3, max: 6 }),
    // Per indicator × project × group × source: one count per answer; mostly small, often empty.
    counts: fc.array(fc.oneof(fc.constant([0, 0, 0, 0, 0, 0]), fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 6, maxLength: 6 }), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 6 })), { minLength: 48, maxLength: 48 }),
  })
  .map(({ groups, sources, projects, k, counts }) => {
    const groupIds = Array.from({ length: groups }, (_, i) => `g${i}`);
    const projectIds = Array.from({ length: projects }, (_, i) => `p${i}`);
    const cells: SourceCountCell[] = [];
    let next = 0;
    for (const indicator of indicators)
      for (const projectId of projectIds)
        for (const groupId of groupIds)
          for (const source of RESULT_SOURCES.slice(0, sources)) {
            const row = counts[next++] ?? [];
            VALUES.forEach((value, index) => {
              const count = row[index] ?? 0;
              if (count > 0) cells.push({ projectId, indicatorId: indicator.id, groupId, source, value, count });
            });
          }
    return { groupIds, projectIds, k, cells };
  });

function compute({ groupIds, projectIds, k, cells }: { groupIds: string[]; projectIds: string[]; k: number; cells: SourceCountCell[] }) {
  const results = indicatorResults({ framework, indicators, projectIds, groupIds, k }, cells).map((r) => ({ ...r, trends: [] }));
  const scores = projectScores({ dimensions, indicators, results, progress: [], projectIds, groupIds });
  return { results, scores };
}

/** The finest cells someone answered in (project × group × source) and the cells a figure adds up. */
function vectors(cells: readonly SourceCountCell[], indicatorId: string) {
  const finest = [...new Set(cells.filter((c) => c.indicatorId === indicatorId).map((c) => `${c.projectId}|${c.groupId}|${c.source}`))];
  return (f: ResultFigure) =>
    finest.map((key) => {
      const [projectId, groupId, source] = key.split("|");
      return (f.projectId === null || f.projectId === projectId) && (f.groupId === null || f.groupId === groupId) && (f.source === null || f.source === source) ? 1n : 0n;
    });
}

function hiddenObjects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(hiddenObjects);
  if (value && typeof value === "object") {
    const record = value as Record<string, unknown>;
    return [...(record.hidden === true ? [record] : []), ...Object.values(record).flatMap(hiddenObjects)];
  }
  return [];
}

describe("results attacked with random campaigns", () => {
  it("no hidden figure of any indicator is a sum or difference of shown figures, across groups, sources, projects and totals", () => {
    fc.assert(
      fc.property(arbitraryCampaign, (campaign) => {
        const { results } = compute(campaign);
        for (const result of results) {
          const vectorOf = vectors(campaign.cells, result.indicatorId);
          const attacker = attackerBasis(result.figures.filter((f) => !f.result.hidden).map(vectorOf));
          for (const figure of result.figures) {
            if (figure.result.hidden && vectorOf(figure).some((x) => x !== 0n)) expect(attacker.inSpan(vectorOf(figure)), JSON.stringify(figure)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it("every shown figure rests on at least k substantive answers, and a hidden one carries nothing but why", () => {
    fc.assert(
      fc.property(arbitraryCampaign, (campaign) => {
        const { results, scores } = compute(campaign);
        for (const result of results) for (const figure of result.figures) if (!figure.result.hidden && figure.result.statistics.respondents > 0) expect(figure.result.statistics.n).toBeGreaterThanOrEqual(campaign.k);
        for (const hidden of hiddenObjects({ results, scores })) expect(Object.keys(hidden).sort()).toEqual(["hidden", "reason"]);
      }),
      { numRuns: 300 },
    );
  });

  it("dimension scores reveal nothing the shown figures do not: a group's score only from its shown figures, the headline only from shown groups", () => {
    fc.assert(
      fc.property(arbitraryCampaign, (campaign) => {
        const { results, scores } = compute(campaign);
        for (const project of scores) {
          for (const dimension of project.dimensions) {
            for (const { groupId, score } of dimension.byGroup) {
              const figures = results.map((r) => r.figures.find((f) => f.projectId === project.projectId && f.groupId === groupId && f.source === null));
              // A score built on a hidden figure would let one subtract the shown ones and find it.
              if (figures.some((f) => f?.result.hidden)) expect(score === null || score.hidden).toBe(true);
              if (score && !score.hidden) for (const id of score.indicators) expect(results.find((r) => r.indicatorId === id)?.figures.some((f) => f.projectId === project.projectId && f.groupId === groupId && f.source === null && !f.result.hidden)).toBe(true);
            }
            // The headline is the plain mean of the shown groups' scores: recomputable from the page, so it adds nothing.
            const shown = dimension.byGroup.flatMap((g) => (g.score && !g.score.hidden ? [g.score.score] : []));
            if (dimension.answers) expect(dimension.answers.score).toBeCloseTo(shown.reduce((s, x) => s + x, 0) / shown.length, 9);
            else expect(shown).toEqual([]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
