/**
 * One question's results over a table (e.g. stakeholder group × source × project) and the
 * margins the page shows, masked before anything is computed for a hidden figure: the glue
 * between count cells, masking.ts, statistics.ts and scores.ts. A hidden figure comes out as
 * `{ hidden: true, reason }` only, so loader data, JSON and CSV cannot carry it.
 */
import type { Polarity } from "../../../evaluation-frameworks/schema";
import type { Scale } from "../surveys/questions";
import { type Masked, type TableCell, maskTable } from "./masking";
import { type IndicatorScore, indicatorScore } from "./scores";
import { type QuestionStatistics, questionStatistics } from "./statistics";
import { mergeCounts } from "./summary";

/** The count cells of one finest cell of the table: value → count, as stored. */
export type CountedCell = { coords: Readonly<Record<string, string>>; counts: ReadonlyMap<string, number> };

export type QuestionFigure = { statistics: QuestionStatistics; score: IndicatorScore | null };
export type MaskedQuestionFigure = { key: string; coords: Readonly<Record<string, string>>; result: Masked<QuestionFigure> };

export type QuestionTableSpec = {
  scale: Scale;
  polarity: Polarity;
  dimensions: readonly string[];
  /** The margins shown: the dimensions each keeps ([] = the total). */
  margins: readonly (readonly string[])[];
  /** masking.thresholdFor(k, indicator.minN), or freeTextThreshold for free text. */
  threshold: number;
};

/** Every shown margin's figures of one question, masked; see the file comment. */
export function maskedQuestionTable(spec: QuestionTableSpec, cells: readonly CountedCell[]): MaskedQuestionFigure[] {
  const tableCells: TableCell[] = cells.map((cell) => {
    const { n, respondents } = questionStatistics(spec.scale, cell.counts, spec.threshold);
    return { coords: cell.coords, n, respondents };
  });
  const decision = maskTable({ dimensions: spec.dimensions, cells: tableCells, margins: spec.margins }, spec.threshold);
  return decision.figures.map((figure) => {
    const reason = decision.hidden.get(figure.key);
    if (reason) return { key: figure.key, coords: figure.coords, result: { hidden: true, reason } };
    const counts = mergeCounts(figure.cells.flatMap((index) => cells[index]?.counts ?? []));
    const statistics = questionStatistics(spec.scale, counts, spec.threshold);
    return { key: figure.key, coords: figure.coords, result: { hidden: false, statistics, score: indicatorScore(spec.scale, spec.polarity, counts) } };
  });
}
