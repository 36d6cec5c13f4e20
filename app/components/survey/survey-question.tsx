import type { ReactNode } from "react";
import { Form } from "@remix-run/react";
import type { Scale } from "../../modules/surveys/questions";
import { useT } from "../../i18n/use-t";
import { LocalizedText } from "../french-text";
import { QuestionInput } from "./question-input";
import { ScreeningInput } from "./screening-input";

export type QuestionContent = {
  projectName: string;
  isScreening: boolean;
  question: { fr: string; en: string };
  help: { fr: string; en: string } | null | undefined;
  required: boolean;
  scale: Scale;
};

/** « Question 3 sur 12 » and its bar; the review screen says its own title instead. */
export function SurveyProgress({ label, stepIndex, total }: { label: string; stepIndex: number; total: number }) {
  return (
    <>
      <p className="survey__progress" id="progress">
        {label}
      </p>
      <progress max={total} value={stepIndex} aria-labelledby="progress" />
    </>
  );
}

type Props = {
  question: QuestionContent;
  stepIndex: number;
  total: number;
  showProject: boolean;
  headingLevel: 1 | 2;
  /** The resident's screen posts its answer; the council's preview only moves on (GET). */
  method: "get" | "post";
  /** Hidden fields before the question (step, group…). */
  hidden: ReactNode;
  answer: { name: string; value: string | undefined; key: string | number; error?: string };
  actions: ReactNode;
};

/**
 * One question screen, as a resident meets it. The council's preview shows this same screen.
 * Plain markup (no hooks beyond useT): resident pages ship no React to the browser.
 */
export function SurveyQuestion({ question: q, stepIndex, total, showProject, headingLevel, method, hidden, answer, actions }: Props) {
  const t = useT();
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const hasHelp = q.isScreening || Boolean(q.help);
  const error = answer.error;
  const describedBy = error ? "question-error" : undefined;
  return (
    <>
      <SurveyProgress label={t("survey.progress", { current: stepIndex + 1, total })} stepIndex={stepIndex} total={total} />
      {showProject && !q.isScreening ? <p className="survey__project">{t("survey.aboutProject", { project: q.projectName })}</p> : null}
      <Form method={method}>
        {hidden}
        <fieldset aria-describedby={[hasHelp ? "question-help" : "", q.required ? "" : "question-optional", error ? "question-error" : ""].filter(Boolean).join(" ") || undefined}>
          <legend>
            <Heading className="survey__question">{q.isScreening ? t("survey.screeningQuestion", { project: q.projectName }) : <LocalizedText text={q.question} />}</Heading>
          </legend>
          {hasHelp ? (
            <p className="hint" id="question-help">
              {q.isScreening ? t("survey.screeningHint") : q.help ? <LocalizedText text={q.help} /> : null}
            </p>
          ) : null}
          {q.required ? null : (
            <p className="hint" id="question-optional">
              {t("survey.optionalHint")}
            </p>
          )}
          {error ? (
            <p className="field-error" id="question-error" role="alert">
              {error}
            </p>
          ) : null}
          {q.isScreening ? (
            <ScreeningInput key={answer.key} name={answer.name} value={answer.value} invalid={Boolean(error)} describedBy={describedBy} />
          ) : (
            <QuestionInput key={answer.key} scale={q.scale} name={answer.name} value={answer.value} invalid={Boolean(error)} describedBy={describedBy} />
          )}
        </fieldset>
        {actions}
      </Form>
    </>
  );
}
