import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { openInvitation, startSurvey } from "~/modules/surveys/survey.server";
import { SurveyUnavailable } from "~/components/survey/survey-unavailable";
import { SurveyWelcome as Welcome } from "~/components/survey/survey-welcome";
import { routeParam } from "~/lib/route-params";
import type { ScriptsHandle } from "~/lib/page-scripts";

// No React runtime on resident pages: plain forms, and the offline-safe form script (lib/page-scripts.ts).
export const handle: ScriptsHandle = { scripts: "offline-forms" };

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const opened = await openInvitation(db, routeParam(params, "code"));
  if (!opened) throw new Response("Not found", { status: 404 });
  const { welcome, status, questionCount, projects } = opened;
  return { ...welcome, status, questionCount, projects: projects.map((p) => p.name) };
}

export async function action({ params }: ActionFunctionArgs) {
  const code = routeParam(params, "code");
  const started = await startSurvey(db, code);
  if (!started.ok) throw redirect(`/s/${code}`);
  return redirect(`/r/${started.resumeCode}`);
}

export default function SurveyWelcome() {
  const t = useT();
  const content = useLoaderData<typeof loader>();
  if (content.status !== "ok") return <SurveyUnavailable status={content.status} />;
  return (
    <section className="survey">
      <Welcome
        content={content}
        start={
          <Form method="post">
            <button type="submit">{t("survey.start")}</button>
          </Form>
        }
      />
      <p className="muted">
        {t("survey.alreadyStarted")} <Link to="/s">{t("survey.alreadyStartedLink")}</Link>
      </p>
    </section>
  );
}
