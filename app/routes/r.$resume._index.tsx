import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { QuestionInput } from "~/components/survey/question-input";
import { SurveyUnavailable } from "~/components/survey/survey-unavailable";
import { db } from "~/db.server";
import { publicBaseUrl } from "~/lib/request.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { readSurveyForm } from "~/modules/surveys/forms";
import { valueLabel } from "~/modules/surveys/labels";
import { answerKey } from "~/modules/surveys/questions";
import { surveySubmitPath } from "~/modules/surveys/submit-paths";
import { findSubmittedCampaign, loadSurvey, saveSurveyStep } from "~/modules/surveys/survey.server";
import { readFormData } from "~/lib/http/form-data.server";
import { routeParam } from "~/lib/route-params";
import { failureText } from "~/lib/failure-reply.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Enquête" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const resume = routeParam(params, "resume");
  const survey = await loadSurvey(db, resume);
  if (!survey) {
    if (await findSubmittedCampaign(db, resume)) throw redirect(`/r/${resume}/merci`);
    throw new Response("Not found", { status: 404 });
  }
  const { draft, steps, answers, projects, status } = survey;
  const requested = Number(new URL(request.url).searchParams.get("step") ?? draft.step);
  const fromReview = new URL(request.url).searchParams.get("depuis") === "relecture";
  const stepIndex = Number.isInteger(requested) ? Math.min(Math.max(requested, 0), steps.length) : draft.step;
  const projectName = new Map(projects.map((p) => [p.id, p.name]));
  const step = steps[stepIndex];
  return {
    title: draft.title,
    status,
    resumeCode: draft.resume_code,
    resumeUrl: `${publicBaseUrl(request)}/r/${draft.resume_code}`,
    stepIndex,
    fromReview,
    total: steps.length,
    showProject: projects.length > 1,
    question: step && { projectName: projectName.get(step.projectId) ?? "", indicator: step.indicator, scale: step.scale, value: answers[answerKey(step)] },
    review:
      stepIndex === steps.length
        ? steps.map((s, index) => ({ index, projectName: projectName.get(s.projectId) ?? "", question: s.indicator.question, scale: s.scale, value: answers[answerKey(s)] }))
        : null,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const resume = routeParam(params, "resume");
  const form = readSurveyForm(await readFormData(request));
  // The submit has its own endpoint (handleSurveySubmit); 307 keeps the POST on the way there.
  if (form.intent === "submit") return redirect(surveySubmitPath(resume), 307);
  const backToReview = form.fromReview === "1" && form.intent !== "previous";
  const saved = await saveSurveyStep(db, resume, form.step, form.intent, { value: form.value, values: form.values, dontKnow: form.dontKnow === "on" }, { backToReview });
  if (!saved) {
    if (await findSubmittedCampaign(db, resume)) return redirect(`/r/${resume}/merci`);
    throw new Response("Not found", { status: 404 });
  }
  // A rejected answer comes back with what was typed and why.
  if (!saved.ok) return data({ error: await failureText(request, saved), typed: form.values?.length ? JSON.stringify(form.values) : form.value }, { status: 400 });
  return redirect(`/r/${resume}?step=${saved.nextStep}`);
}

export default function SurveyStep() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (data.status !== "ok") return <SurveyUnavailable status={data.status} />;
  const progress = (
    <>
      <p className="survey__progress" id="progress">
        {data.question ? t("survey.progress", { current: data.stepIndex + 1, total: data.total }) : t("survey.reviewTitle")}
      </p>
      <progress max={data.total} value={data.stepIndex} aria-labelledby="progress" />
    </>
  );
  // Shown on every screen: answers are saved at each step, so this is all it takes to stop.
  const resume = (
    <aside className="resume-box" aria-labelledby="resume-title">
      <h2 id="resume-title">
        {t("survey.resumeBoxTitle")}
      </h2>
      <p className="resume-box__code" data-testid="resume-code">
        {data.resumeCode}
      </p>
      <p>{t("survey.resumeAdvice")}</p>
      <p>
        {t("survey.resumeLinkLabel")} <a href={data.resumeUrl}>{data.resumeUrl}</a>
      </p>
    </aside>
  );

  if (data.review) {
    return (
      <section className="survey">
        {progress}
        <h1>{t("survey.reviewTitle")}</h1>
        <p>{t("survey.reviewIntro")}</p>
        <dl>
          {data.review.map((r) => (
            <div key={r.index} className="card">
              <dt>
                {data.showProject ? <span className="muted">{r.projectName} — </span> : null}
                {localized(t.locale, r.question)}
              </dt>
              <dd>
                <strong>{r.value === undefined ? t("survey.notAnswered") : valueLabel(r.scale, r.value, t)}</strong> ·{" "}
                <Link to={`?step=${r.index}&depuis=relecture`}>
                  {t("survey.edit")}
                  <span className="visually-hidden"> — {localized(t.locale, r.question)}</span>
                </Link>
              </dd>
            </div>
          ))}
        </dl>
        {/* A document post: the submit button goes to its own endpoint, outside Remix. */}
        <Form method="post" className="actions" reloadDocument>
          <input type="hidden" name="step" value={data.stepIndex} />
          <button type="submit" name="intent" value="previous" className="button--secondary" formNoValidate>
            {t("survey.previous")}
          </button>
          <button type="submit" name="intent" value="submit" formAction={surveySubmitPath(data.resumeCode)}>
            {t("survey.submit")}
          </button>
        </Form>
        {resume}
      </section>
    );
  }

  const q = data.question!;
  const error = actionData?.error;
  const value = actionData ? actionData.typed : q.value;
  return (
    <section className="survey">
      {progress}
      {data.showProject ? <p className="survey__project">{t("survey.aboutProject", { project: q.projectName })}</p> : null}
      <Form method="post">
        <input type="hidden" name="step" value={data.stepIndex} />
        {data.fromReview ? <input type="hidden" name="fromReview" value="1" /> : null}
        <fieldset aria-describedby={[q.indicator.help ? "question-help" : "", q.indicator.required ? "" : "question-optional", error ? "question-error" : ""].filter(Boolean).join(" ") || undefined}>
          <legend>
            <h1 className="survey__question">{localized(t.locale, q.indicator.question)}</h1>
          </legend>
          {q.indicator.help ? (
            <p className="hint" id="question-help">
              {localized(t.locale, q.indicator.help)}
            </p>
          ) : null}
          {!q.indicator.required ? (
            <p className="hint" id="question-optional">
              {t("survey.optionalHint")}
            </p>
          ) : null}
          {error ? (
            <p className="field-error" id="question-error" role="alert">
              {t.dynamic(error)}
            </p>
          ) : null}
          <QuestionInput key={data.stepIndex} scale={q.scale} name="value" value={value} invalid={Boolean(error)} describedBy={error ? "question-error" : undefined} />
        </fieldset>
        <div className="actions">
          {data.stepIndex > 0 ? (
            <button type="submit" name="intent" value="previous" className="button--secondary">
              {t("survey.previous")}
            </button>
          ) : (
            <span />
          )}
          {!q.indicator.required ? (
            <button type="submit" name="intent" value="skip" className="link-button">
              {t("survey.skip")}
            </button>
          ) : null}
          <button type="submit" name="intent" value="next">
            {t("survey.next")}
          </button>
        </div>
      </Form>
      {resume}
    </section>
  );
}
