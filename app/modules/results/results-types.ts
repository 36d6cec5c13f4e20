/**
 * What getCampaignResults returns: only figures that passed masking (a hidden figure is
 * `{ hidden: true, reason }`, nothing else), already in the form the page, the CSV and the JSON
 * download show. Loader data is this object, so nothing here may be richer than the page.
 */
import type { LocalizedText, Polarity, Scale } from "../../../evaluation-frameworks/schema";
import type { DivergenceFinding } from "./divergence";
import type { Masked } from "./masking";
import type { QuestionFigure } from "./question-table";
import type { DimensionScore, HeadlineScore } from "./scores";
import type { Trend } from "./trend";

export const RESULT_SOURCES = ["online", "workshop", "paper"] as const;
export type ResultSource = (typeof RESULT_SOURCES)[number];

/** Where a figure sits: null on a coordinate means « all together » along it. */
export type FigureCoords = { projectId: string | null; groupId: string | null; source: ResultSource | null };
export type ResultFigure = FigureCoords & { result: Masked<QuestionFigure> };

/** A shown value in the scale's unit, for trends: null when not computed, hidden when masked. */
export type TrendValue = Masked<{ value: number }> | null;
export type ProjectTrend = { projectId: string; current: TrendValue; previous: TrendValue; trend: Trend };

/** One question indicator's results over the campaign: every figure of every shown margin. */
export type IndicatorResult = {
  indicatorId: string;
  dimensionId: string;
  label: LocalizedText;
  question: LocalizedText;
  scale: Scale;
  polarity: Polarity;
  baseline: number | null;
  target: number | null;
  /** Fewest substantive answers a figure needs (k, or the indicator's minN when larger). */
  threshold: number;
  figures: ResultFigure[];
  trends: ProjectTrend[];
};

/** One reported figure of a project, as entered (who, when, with which source note). */
export type ReportedFigureResult = {
  projectId: string;
  indicatorId: string;
  dimensionId: string;
  label: LocalizedText;
  unit: LocalizedText | null;
  value: number | null;
  sourceNote: string | null;
  enteredBy: string | null;
  enteredAt: string | null;
  baseline: number | null;
  target: number | null;
  /** 0–100 way travelled toward the target; null without a target (shown, never scored). */
  progress: number | null;
};

export const COMPUTED_STATUSES = ["ok", "missing", "zero_denominator", "smallDenominator"] as const;
export type ComputedStatus = (typeof COMPUTED_STATUSES)[number];

/** A rate computed from reported figures, never typed: its value only when it can be shown. */
export type ComputedResult = {
  projectId: string;
  indicatorId: string;
  dimensionId: string;
  label: LocalizedText;
  unit: LocalizedText | null;
  status: ComputedStatus;
  value: number | null;
  baseline: number | null;
  target: number | null;
  progress: number | null;
  /** The figures the rate is made of (indicator ids), for its method note. */
  numerator: string[];
  denominator: string[];
};

export type GroupDimensionScore = { groupId: string; score: Masked<DimensionScore> | null };
export type DimensionResult = {
  dimensionId: string;
  /** Groups weighted equally, answers only. */
  answers: HeadlineScore | null;
  /** Reported figures and rates with a target: their progress, weighted as the framework says. */
  progress: { indicatorId: string; progress: number }[];
  /** The headline 0–100 score: answers and progress toward targets, by the framework's weights. */
  score: number | null;
  byGroup: GroupDimensionScore[];
};
export type ProjectScores = { projectId: string; dimensions: DimensionResult[] };

export type Finding =
  | ({ kind: "divergence"; projectId: string } & DivergenceFinding)
  | { kind: "lowest" | "highest"; projectId: string; dimensionId: string; score: number };

export type Participation = {
  total: number;
  byGroup: { groupId: string; responses: number }[];
  bySource: { source: ResultSource; responses: number }[];
};

export type ResultsCampaign = { id: string; title: string; state: string };

export type AvailableResults = {
  available: true;
  campaign: ResultsCampaign & { k: number };
  previousCampaign: { id: string; title: string } | null;
  projects: { id: string; name: string }[];
  groups: { id: string; label: LocalizedText }[];
  /** The (group, project) pairs the campaign did not ask: shown « non interrogé », never a figure. */
  notAsked: { groupId: string; projectId: string }[];
  dimensions: { id: string; label: LocalizedText; description: LocalizedText }[];
  sources: ResultSource[];
  scoringLimits: LocalizedText | null;
  participation: Participation;
  scores: ProjectScores[];
  indicators: IndicatorResult[];
  reported: ReportedFigureResult[];
  computed: ComputedResult[];
  findings: Finding[];
};

export type CampaignResults = { available: false; campaign: ResultsCampaign } | AvailableResults;
