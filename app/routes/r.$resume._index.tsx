import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { screeningLabel } from "~/components/survey/screening-input";
import { SurveyProgress, SurveyQuestion } from "~/components/survey/survey-question";
import { SurveyUnavailable } from "~/components/survey/survey-unavailable";
import { db } from "~/db.server";
import { publicBaseUrl } from "~/lib/request.server";
import { localized, type Translate } from "~/i18n/i18n";
import type { ScriptsHandle } from "~/lib/page-scripts";
import { metaTranslator } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { readSurveyForm } from "~/modules/surveys/forms";
import { valueLabel } from "~/modules/surveys/labels";
import { answerKey, isScreening, type SurveyStep } from "~/modules/surveys/questions";
import { surveySubmitPath } from "~/modules/surveys/submit-paths";
import { findSubmittedCampaign, loadSurvey, saveSurveyStep } from "~/modules/surveys/survey.server";
import { readFormData } from "~/lib/http/form-data.server";
import { routeParam } from "~/lib/route-params";
import { failureText } from "~/lib/failure-reply.server";

// No React runtime on resident pages: plain forms, and the offline-safe form script (lib/page-scripts.ts).
export const handle: ScriptsHandle = { scripts: "offline-forms" };

// Each screen has its own title (« Question 3 sur 12 — … »): the first thing a screen reader says.
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  if (!data) return [{ title: t("app.name") }];
  const title = data.question ? t("survey.pageTitle", { current: data.stepIndex + 1, total: data.total, title: data.title }) : t("survey.reviewPageTitle", { title: data.title });
  return [{ title }];
};

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
  // Only what the page shows: the question, its help and scale, never the council's note.
  const shown = (s: SurveyStep) => ({
    projectName: projectName.get(s.projectId) ?? "",
    isScreening: isScreening(s),
    question: s.indicator.question,
    help: s.indicator.help,
    required: s.indicator.required,
    scale: s.scale,
    value: answers[answerKey(s)],
  });
  return {
    title: draft.title,
    status,
    resumeCode: survey.resumeCode,
    resumeUrl: `${publicBaseUrl(request)}/r/${survey.resumeCode}`,
    stepIndex,
    fromReview,
    total: steps.length,
    showProject: projects.length > 1,
    question: step && shown(step),
    review: stepIndex === steps.length ? steps.map((s, index) => ({ index, ...shown(s) })) : null,
  };
}

// Saves one screen. « Envoyer mes réponses » is not here: the review's button posts to
// POST /r/:code/envoyer (surveySubmitPath), answered by handleSurveySubmit in
// app/modules/surveys/submit-endpoint.server.ts before Express and Remix (README « Les écrans »).
export async function action({ request, params }: ActionFunctionArgs) {
  const resume = routeParam(params, "resume");
  const form = readSurveyForm(await readFormData(request));
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
        <SurveyProgress label={t("survey.reviewTitle")} stepIndex={data.stepIndex} total={data.total} />
        <h1>{t("survey.reviewTitle")}</h1>
        <p>{t("survey.reviewIntro")}</p>
        <dl>
          {data.review.map((r) => (
            <div key={r.index} className="card">
              <dt>
                {data.showProject && !r.isScreening ? <span className="muted">{r.projectName} — </span> : null}
                {questionText(t, r)}
              </dt>
              <dd>
                <strong>{r.value === undefined ? t("survey.notAnswered") : r.isScreening ? screeningLabel(t, r.value) : valueLabel(r.scale, r.value, t)}</strong> ·{" "}
                <Link to={`?step=${r.index}&depuis=relecture`}>
                  {t("survey.edit")}
                  <span className="visually-hidden"> — {questionText(t, r)}</span>
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
  return (
    <section className="survey">
      <SurveyQuestion
        question={q}
        stepIndex={data.stepIndex}
        total={data.total}
        showProject={data.showProject}
        headingLevel={1}
        method="post"
        hidden={
          <>
            <input type="hidden" name="step" value={data.stepIndex} />
            {data.fromReview ? <input type="hidden" name="fromReview" value="1" /> : null}
          </>
        }
        answer={{ name: "value", value: actionData ? actionData.typed : q.value, key: data.stepIndex, error: error ? t.dynamic(error) : undefined }}
        actions={
          <div className="actions">
            {data.stepIndex > 0 ? (
              <button type="submit" name="intent" value="previous" className="button--secondary">
                {t("survey.previous")}
              </button>
            ) : (
              <span />
            )}
            {!q.required ? (
              <button type="submit" name="intent" value="skip" className="link-button">
                {t("survey.skip")}
              </button>
            ) : null}
            <button type="submit" name="intent" value="next">
              {t("survey.next")}
            </button>
          </div>
        }
      />
      {resume}
    </section>
  );
}

/** The question as the person reads it; the screening question names its project. */
function questionText(t: Translate, step: { isScreening: boolean; projectName: string; question: { fr: string; en: string } }): string {
  return step.isScreening ? t("survey.screeningQuestion", { project: step.projectName }) : localized(t.locale, step.question);
}
