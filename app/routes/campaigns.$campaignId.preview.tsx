import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SurveyQuestion } from "~/components/survey/survey-question";
import { SurveyWelcome } from "~/components/survey/survey-welcome";
import { db } from "~/db.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { previewSurvey } from "~/modules/surveys/preview.server";
import { isScreening } from "~/modules/surveys/questions";
import councilStyles from "~/styles/council.css";
import { titleMeta } from "~/i18n/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: councilStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, (t) => t("council.preview.title", { title: data?.title ?? "" }));

// No step: the welcome page, as a resident meets it first.
const previewQuery = z.object({ group: z.string().max(100).nullable(), step: z.coerce.number().int().min(0).nullable().catch(0) });

/** A read-only walk through the survey: GET only, so nothing a council member clicks is stored. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.editCouncilData);
  const query = new URL(request.url).searchParams;
  const { group, step } = previewQuery.parse({ group: query.get("group"), step: query.get("step") });
  const preview = await previewSurvey(db, member.territoryId, params.campaignId ?? "", group);
  const stepIndex = step === null ? null : Math.min(step, preview.steps.length);
  const current = stepIndex === null ? undefined : preview.steps[stepIndex];
  const projectName = new Map(preview.projects.map((p) => [p.id, p.name]));
  return {
    title: preview.campaign.title,
    campaignId: preview.campaign.id,
    groups: preview.groups,
    groupId: preview.groupId,
    total: preview.steps.length,
    stepIndex,
    showProject: preview.projects.length > 1,
    welcome: { title: preview.campaign.title, description: preview.campaign.description, isAnonymous: preview.campaign.isAnonymous, questionCount: preview.steps.length, projects: preview.projects.map((p) => p.name) },
    question: current && {
      projectName: projectName.get(current.projectId) ?? "",
      isScreening: isScreening(current),
      question: current.indicator.question,
      help: current.indicator.help,
      required: current.indicator.required,
      scale: current.scale,
    },
  };
}

export default function SurveyPreview() {
  const t = useT();
  const { title, campaignId, groups, groupId, total, stepIndex, showProject, question, welcome } = useLoaderData<typeof loader>();
  const group = groups.find((g) => g.id === groupId);
  const q = question;
  const stepLink = (step: number | null, id = groupId) => `?group=${encodeURIComponent(id)}${step === null ? "" : `&step=${step}`}`;
  return (
    <section className="page preview">
      <p>
        <Link to={`/campaigns/${campaignId}`}>← {t("council.preview.back")}</Link>
      </p>
      <h1>
        <span className="badge">{t("council.preview.badge")}</span> <span lang="fr">{title}</span>
      </h1>
      <p className="flash">{t("council.preview.banner")}</p>
      {groups.length > 1 ? (
        <nav aria-label={t("council.preview.groupsLabel")}>
          <ul className="inline-list">
            {groups.map((g) => (
              <li key={g.id}>
                <Link to={stepLink(null, g.id)} aria-current={g.id === groupId ? "true" : undefined}>
                  {localized(t.locale, g.label)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {group ? <p className="muted">{t("council.preview.currentGroup", { group: localized(t.locale, group.label) })}</p> : null}

      {/* The resident's screen, framed as a preview: same progress, question and answer control. */}
      <div className="survey preview__frame">
        {total === 0 ? (
          <p>{t("council.preview.noQuestions")}</p>
        ) : stepIndex === null ? (
          <SurveyWelcome
            content={welcome}
            headingLevel={2}
            start={
              <Form method="get">
                <input type="hidden" name="group" value={groupId} />
                <button type="submit" name="step" value={0}>
                  {t("survey.start")}
                </button>
              </Form>
            }
          />
        ) : q ? (
          <SurveyQuestion
            question={q}
            stepIndex={stepIndex}
            total={total}
            showProject={showProject}
            headingLevel={2}
            // A GET form: « Suivant » only moves to the next screen; no answer leaves the page.
            method="get"
            hidden={<input type="hidden" name="group" value={groupId} />}
            answer={{ name: "answer", value: undefined, key: `${groupId}-${stepIndex}` }}
            actions={
              <div className="actions">
                {stepIndex > 0 ? (
                  <button type="submit" name="step" value={stepIndex - 1} className="button--secondary">
                    {t("survey.previous")}
                  </button>
                ) : (
                  <Link className="button button--secondary" to={stepLink(null)}>
                    {t("survey.previous")}
                  </Link>
                )}
                <button type="submit" name="step" value={stepIndex + 1}>
                  {t("survey.next")}
                </button>
              </div>
            }
          />
        ) : (
          <>
            <h2>{t("council.preview.endTitle")}</h2>
            <p>{t("council.preview.endBody")}</p>
            <p className="actions">
              <Link className="button button--secondary" to={stepLink(null)}>
                {t("council.preview.restart")}
              </Link>
              <Link className="button" to={`/campaigns/${campaignId}`}>
                {t("council.preview.back")}
              </Link>
            </p>
          </>
        )}
      </div>
    </section>
  );
}
