import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampaignFields, FrameworkChooser } from "~/components/campaign-form";
import { FormErrorSummary } from "~/components/form/fields";
import { db } from "~/db.server";
import { replyWithFailure } from "~/lib/failure-reply.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { COUNCIL_EDITORS } from "~/modules/accounts/roles";
import { campaignFormSchema } from "~/modules/campaigns/campaign-form";
import { createCampaign } from "~/modules/campaigns/campaigns.server";
import { campaignInvitations } from "~/modules/invitations/campaign-invitations.server";
import { listUsableFrameworkVersions } from "~/modules/frameworks/frameworks.server";
import { listProjects } from "~/modules/projects/projects.server";
import { readFormData } from "~/lib/http/form-data.server";

export const meta: MetaFunction = () => [{ title: "Nouvelle campagne — Évaluation partagée" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  const [versions, projects] = await Promise.all([listUsableFrameworkVersions(db, member.territoryId), listProjects(db, member.territoryId)]);
  const chosenId = new URL(request.url).searchParams.get("framework");
  const chosen = versions.find((v) => v.id === chosenId) ?? (versions.length === 1 ? versions[0] : undefined);
  return {
    frameworks: versions.map((v) => ({ id: v.id, title: v.definition.title, description: v.definition.description, version: v.definition.version, versionNumber: v.versionNumber, isStarter: v.isStarter })),
    chosen: chosen && { id: chosen.id, title: chosen.definition.title, groups: chosen.definition.stakeholderGroups },
    projects: projects.map((p) => ({ id: p.id, name: p.name, association: p.associationName })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  const submission = parseWithZod(await readFormData(request), { schema: campaignFormSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await createCampaign(db, member, submission.value, campaignInvitations);
  if (!result.ok) return data(await replyWithFailure(request, submission, result), { status: 400 });
  return redirect(`/campaigns/${result.id}`);
}

export default function NewCampaign() {
  const t = useT();
  const { frameworks, chosen, projects } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: { isAnonymous: "on", k: "5", frameworkVersionId: chosen?.id },
    shouldValidate: "onBlur",
    // A message stays until the next submit: removing it on blur moved the page up under the
    // pointer, so the click on « Créer » landed on nothing.
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: campaignFormSchema }),
  });
  if (!chosen) {
    return (
      <section className="page">
        <h1>{t("campaigns.new")}</h1>
        <FrameworkChooser frameworks={frameworks} />
      </section>
    );
  }
  return (
    <section className="page">
      <h1>{t("campaigns.new")}</h1>
      <p>
        {t("campaigns.form.framework")}{t("typography.colon")}<strong>{localized(t.locale, chosen.title)}</strong> — <Link to="?">{t("campaigns.form.changeFramework")}</Link>
      </p>
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name={fields.frameworkVersionId.name} value={chosen.id} />
        <CampaignFields fields={fields} choices={{ projects, groups: chosen.groups }} />
        <div className="actions">
          <button type="submit">{t("campaigns.form.submit")}</button>
        </div>
      </Form>
    </section>
  );
}
