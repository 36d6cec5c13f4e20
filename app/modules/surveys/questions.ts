import type { Framework } from "../../../evaluation-frameworks/schema";
import { type Indicator, questionIndicators } from "../frameworks/indicators";

export type { Indicator } from "../frameworks/indicators";
export type Scale = Framework["scales"][number];

/** The answer recorded for « Je ne sais pas / pas concerné·e »: counted and shown, never averaged. */
export const DONT_KNOW = "dont_know";


export type SurveyStep = { projectId: string; indicator: Indicator; scale: Scale };

/** One screen per question and project, project by project, in the framework's order. */
export function surveySteps(framework: Framework, groupId: string, projectIds: readonly string[]): SurveyStep[] {
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  const indicators = questionIndicators(framework, [groupId]);
  return projectIds.flatMap((projectId) => indicators.map((indicator) => ({ projectId, indicator, scale: scales.get(indicator.scale)! })));
}

export function answerKey(step: { projectId: string; indicator: { id: string } }): string {
  return `${step.projectId}:${step.indicator.id}`;
}

export type RawAnswer = { value?: string; values?: string[]; dontKnow?: boolean };
export type AnswerError = { key: "survey.answerRequired" | "survey.numberInvalid" | "survey.integerRequired" | "survey.textTooLong"; params?: Record<string, number> };
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

/**
 * The count-cell values one stored answer adds to: always ANSWERED (so n is known even for
 * multiple choice), then the value itself. Free text adds only to ANSWERED (its content is
 * moderated before anyone reads it).
 */
export function countedValues(scale: Scale, value: string): string[] {
  if (value === DONT_KNOW || scale.type === "text") return value === DONT_KNOW ? [ANSWERED, DONT_KNOW] : [ANSWERED];
  if (scale.type === "choice" && scale.multiple) return [ANSWERED, ...(JSON.parse(value) as string[])];
  return [ANSWERED, value];
}
