import { z } from "zod";
import type { Framework } from "../../../evaluation-frameworks/schema";
import { type Indicator, questionIndicators } from "../frameworks/indicators";

export type { Indicator } from "../frameworks/indicators";
export type Scale = Framework["scales"][number];

/** The answer recorded for « Je ne sais pas »: counted and shown, never averaged. */
export const DONT_KNOW = "dont_know";


export type SurveyStep = { projectId: string; indicator: Indicator; scale: Scale };

/**
 * The screening question « Connaissez-vous ce projet ? », asked first for every project (DESIGN
 * §6): a person gets only the questions of the projects they know. It is no framework's
 * indicator (their ids are [a-z0-9_]); its answer is never stored as an answer: a « no » is
 * counted in participation only (count cell SCREENING_ID / "no"), « yes » adds nothing.
 */
export const SCREENING_ID = "~known";
const SCREENING_SCALE: Scale = { id: "~known", type: "yes_no" };
const SCREENING_INDICATOR: Indicator = {
  id: SCREENING_ID,
  dimension: SCREENING_ID,
  level: "realisation",
  kind: "question",
  // Shown through the i18n layer (survey.screeningQuestion), never from here.
  label: { fr: "", en: "" },
  question: { fr: "", en: "" },
  scale: SCREENING_SCALE.id,
  polarity: "positive",
  audiences: [],
  required: true,
  weight: 1,
  sources: [],
};

export function isScreening(step: { indicator: { id: string } }): boolean {
  return step.indicator.id === SCREENING_ID;
}

/**
 * The screens of a survey: first « Connaissez-vous ce projet ? » for each project, then one
 * screen per question of each project not answered « no », project by project, in the
 * framework's order. Steps depend on the answers: a « no » removes that project's questions.
 */
export function surveySteps(framework: Framework, groupId: string, projectIds: readonly string[], answers: Readonly<Record<string, string>> = {}): SurveyStep[] {
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  const indicators = questionIndicators(framework, [groupId]);
  const screening = projectIds.map((projectId) => ({ projectId, indicator: SCREENING_INDICATOR, scale: SCREENING_SCALE }));
  const known = projectIds.filter((projectId) => answers[answerKey({ projectId, indicator: SCREENING_INDICATOR })] !== "no");
  return [...screening, ...known.flatMap((projectId) => indicators.map((indicator) => ({ projectId, indicator, scale: scales.get(indicator.scale)! })))];
}

export function answerKey(step: { projectId: string; indicator: { id: string } }): string {
  return `${step.projectId}:${step.indicator.id}`;
}

export type RawAnswer = { value?: string; values?: string[]; dontKnow?: boolean };
export type AnswerError = { key: "survey.answerRequired" | "survey.screeningRequired" | "survey.numberInvalid" | "survey.integerRequired" | "survey.textTooLong"; params?: Record<string, number> };
export type ParsedAnswer = { ok: true; value: string | null } | { ok: false; error: AnswerError };

/**
 * Turns what the form sent into the stored value: "1".."5", "0".."10", "yes"/"no", an option
 * value (a JSON array for multiple choice), a number, a text, DONT_KNOW, or null (skipped).
 */
export function parseAnswer(scale: Scale, required: boolean, raw: RawAnswer): ParsedAnswer {
  const value = raw.value?.trim() ?? "";
  if (raw.dontKnow || value === DONT_KNOW) return { ok: true, value: DONT_KNOW };
  const missing = (): ParsedAnswer => (required ? { ok: false, error: { key: "survey.answerRequired" } } : { ok: true, value: null });
  switch (scale.type) {
    case "likert":
      return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) <= scale.points ? { ok: true, value } : missing();
    case "rating":
      return /^\d+$/.test(value) && Number(value) >= scale.min && Number(value) <= scale.max ? { ok: true, value } : missing();
    case "yes_no":
      return value === "yes" || value === "no" ? { ok: true, value } : missing();
    case "choice": {
      const allowed = new Set(scale.options.map((o) => o.value));
      if (scale.multiple) {
        const chosen = (raw.values ?? (value ? [value] : [])).filter((v) => allowed.has(v));
        return chosen.length > 0 ? { ok: true, value: JSON.stringify([...new Set(chosen)]) } : missing();
      }
      return allowed.has(value) ? { ok: true, value } : missing();
    }
    case "number": {
      if (value === "") return missing();
      const number = Number(value.replace(",", ".").replace(/\s/g, ""));
      if (!Number.isFinite(number) || number < scale.min || number > scale.max) {
        return { ok: false, error: { key: "survey.numberInvalid", params: { min: scale.min, max: scale.max } } };
      }
      if (scale.integer && !Number.isInteger(number)) return { ok: false, error: { key: "survey.integerRequired" } };
      return { ok: true, value: String(number) };
    }
    case "text":
      if (value === "") return missing();
      if (value.length > scale.maxLength) return { ok: false, error: { key: "survey.textTooLong", params: { max: scale.maxLength } } };
      return { ok: true, value };
  }
}

/** The cell that counts everyone who answered a question (« je ne sais pas » included). */
export const ANSWERED = "*";

const choiceList = z.array(z.string());

/** The option values of a stored multiple-choice answer (kept as a JSON list). */
export function choiceValues(value: string): string[] {
  return choiceList.parse(JSON.parse(value));
}

/**
 * The count-cell values one stored answer adds to: always ANSWERED (so n is known even for
 * multiple choice), then the value itself. Free text adds only to ANSWERED (its content is
 * moderated before anyone reads it).
 */
export function countedValues(scale: Scale, value: string): string[] {
  if (value === DONT_KNOW || scale.type === "text") return value === DONT_KNOW ? [ANSWERED, DONT_KNOW] : [ANSWERED];
  if (scale.type === "choice" && scale.multiple) return [ANSWERED, ...choiceValues(value)];
  return [ANSWERED, value];
}

export type SubmittedRow = { projectId: string; indicatorId: string; value: string; counted: readonly string[]; isAnswer: boolean };

/**
 * What submitting a draft writes, step by step: an answer row for each answered question
 * (isAnswer) and the count-cell values it adds to. The screening question is never an answer:
 * a « no » only adds to its participation cell.
 */
export function submittedRows(steps: readonly SurveyStep[], answers: Readonly<Record<string, string>>): SubmittedRow[] {
  return steps.flatMap((step): SubmittedRow[] => {
    const value = answers[answerKey(step)];
    if (value === undefined) return [];
    if (isScreening(step)) return value === "no" ? [{ projectId: step.projectId, indicatorId: SCREENING_ID, value, counted: ["no"], isAnswer: false }] : [];
    return [{ projectId: step.projectId, indicatorId: step.indicator.id, value, counted: countedValues(step.scale, value), isAnswer: true }];
  });
}
