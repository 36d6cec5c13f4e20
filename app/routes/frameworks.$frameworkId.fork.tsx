import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { COUNCIL_EDITORS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { forkFramework } from "~/modules/frameworks/drafts.server";
import { forkFormSchema } from "~/modules/frameworks/editor-forms";
import { getFramework } from "~/modules/frameworks/frameworks.server";
import { readFormData } from "~/lib/http/form-data.server";
import { routeParam } from "~/lib/route-params";

export const meta: MetaFunction = () => [{ title: "Adapter un cadre — Évaluation partagée" }];

const versionParam = z.coerce.number().int().min(1).max(100_000);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  const framework = await getFramework(db, member.territoryId, routeParam(params, "frameworkId"));
  const asked = new URL(request.url).searchParams.get("version");
  const number = asked === null ? undefined : versionParam.safeParse(asked).data;
  const version = number === undefined ? framework.versions[0] : framework.versions.find((v) => v.number === number);
  if (!version) throw new Response("Not found", { status: 404 });
  const title = version.definition.title;
  return {
    frameworkId: framework.id,
    versionId: version.id,
    versionNumber: version.number,
    title,
    suggested: { titleFr: `${title.fr} — ${member.territoryName}`, titleEn: `${title.en} — ${member.territoryName}` },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  await getFramework(db, member.territoryId, routeParam(params, "frameworkId"));
  const submission = parseWithZod(await readFormData(request), { schema: forkFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const { frameworkId } = await forkFramework(db, member, submission.value.versionId, { fr: submission.value.titleFr, en: submission.value.titleEn });
  return redirect(`/frameworks/${frameworkId}`, { headers: await flash(request, { key: "frameworks.fork.done" }) });
}

export default function ForkFramework() {
  const t = useT();
  const { frameworkId, versionId, versionNumber, title, suggested } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { versionId, ...suggested },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: forkFormSchema }),
  });
  return (
    <section className="page narrow">
      <p>
        <Link to={`/frameworks/${frameworkId}?version=${versionNumber}`}>← {localized(t.locale, title)}</Link>
      </p>
      <h1>{t("frameworks.fork.title", { title: localized(t.locale, title) })}</h1>
      <p>{t("frameworks.fork.intro")}</p>
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name={fields.versionId.name} value={versionId} />
        <TextField field={fields.titleFr} label={t("frameworks.fork.titleFr")} hint={t("frameworks.fork.titleFrHint")} />
        <TextField field={fields.titleEn} label={t("frameworks.fork.titleEn")} />
        <div className="actions">
          <button type="submit">{t("frameworks.fork.submit")}</button>
        </div>
      </Form>
    </section>
  );
}
