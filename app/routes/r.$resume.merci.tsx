import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { formatDate } from "~/i18n/i18n";
import type { ScriptsHandle } from "~/lib/page-scripts";
import { metaTranslator } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { resultsSubscriptionSchema } from "~/modules/surveys/forms";
import { subscribeToResults } from "~/modules/surveys/subscribers.server";
import { findSubmittedCampaign } from "~/modules/surveys/survey.server";
import { readFormData } from "~/lib/http/form-data.server";
import { routeParam } from "~/lib/route-params";

// No React runtime on resident pages: plain forms, and the offline-safe form script (lib/page-scripts.ts).
export const handle: ScriptsHandle = { scripts: "offline-forms" };

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => {
  const t = metaTranslator(matches);
  return [{ title: t("survey.thanksPageTitle", { title: data?.title ?? t("app.name") }) }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const campaign = await findSubmittedCampaign(db, routeParam(params, "resume"));
  if (!campaign) throw new Response("Not found", { status: 404 });
  return { title: campaign.title, closesOn: campaign.closesOn, subscribed: new URL(request.url).searchParams.has("inscrit") };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const resume = routeParam(params, "resume");
  const submission = parseWithZod(await readFormData(request), { schema: resultsSubscriptionSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  if (!(await subscribeToResults(db, resume, submission.value.email))) throw new Response("Not found", { status: 404 });
  return redirect(`/r/${resume}/merci?inscrit=1`);
}

export default function Thanks() {
  const t = useT();
  const { title, closesOn, subscribed } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldValidate: "onBlur", onValidate: ({ formData }) => parseWithZod(formData, { schema: resultsSubscriptionSchema }) });
  return (
    <section className="survey">
      <p className="muted">{title}</p>
      <h1>{t("survey.thanksTitle")}</h1>
      <p>{t("survey.thanksBody")}</p>
      <p>{closesOn ? t("survey.thanksClosesOn", { date: formatDate(t.locale, closesOn) }) : t("survey.thanksNoDate")}</p>
      <h2>{t("survey.notifyTitle")}</h2>
      {subscribed ? (
        <p className="flash" role="status">
          {t("survey.notifyDone")}
        </p>
      ) : (
        <Form method="post" className="stack" {...getFormProps(form)}>
          <TextField field={fields.email} label={t("survey.notifyEmail")} hint={t("survey.notifyHint")} type="email" autoComplete="email" />
          <div className="actions">
            <button type="submit">{t("survey.notifySubmit")}</button>
          </div>
        </Form>
      )}
    </section>
  );
}
