import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampaignFields, FrameworkChooser, GroupProjectGrid } from "~/components/campaign-form";
import { FormErrorSummary } from "~/components/form/fields";
import { db } from "~/db.server";
import { replyWithFailure } from "~/lib/failure-reply.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { COUNCIL_EDITORS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { campaignEditSchema } from "~/modules/campaigns/campaign-form";
import { getCampaignEditForm, updateCampaign } from "~/modules/campaigns/edit.server";
import { askedProjectIds, groupProjectKey, isAsked } from "~/modules/campaigns/group-projects";
import { campaignInvitations } from "~/modules/invitations/campaign-invitations.server";
import { readFormData } from "~/lib/http/form-data.server";
import { ownedParam } from "~/lib/owned-param.server";
import { routeParam } from "~/lib/route-params";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, () => data?.campaign.title ?? "");

// A published campaign gets a page that says why it cannot change (not a 404): the council can
// see the campaign, so « introuvable » would be wrong; the refusal explains and links back.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  const form = await getCampaignEditForm(db, member.territoryId, routeParam(params, "campaignId"), new URL(request.url).searchParams.get("framework"));
  const { campaign, chosen } = form;
  const labels = new Map(form.framework.definition.stakeholderGroups.map((g) => [g.id, g.label]));
  const projectIds = form.projects.map((p) => p.id);
  const askedOf = (groupId: string) => askedProjectIds(projectIds, form.unasked, groupId);
  return {
    editable: form.editable,
    campaign: { id: campaign.id, title: campaign.title, isAnonymous: campaign.isAnonymous, k: campaign.k },
    defaultValue: {
      title: campaign.title,
      description: campaign.description,
      opensOn: campaign.opensOn ?? undefined,
      closesOn: campaign.closesOn ?? undefined,
      frameworkVersionId: chosen.id,
      projectIds: form.projects.map((p) => p.id),
      groupIds: form.chosenGroupIds,
      isAnonymous: campaign.isAnonymous ? "on" : undefined,
      k: String(campaign.k),
      neighbourhoods: form.neighbourhoods.join("\n"),
      asked: form.chosenGroupIds.flatMap((groupId) => askedOf(groupId).map((projectId) => groupProjectKey({ groupId, projectId }))),
    },
    // The grid offers the saved projects × groups; ones added in the same form are asked to all.
    grid: {
      groups: form.chosenGroupIds.map((id) => ({ id, label: labels.get(id) ?? chosen.definition.stakeholderGroups.find((g) => g.id === id)?.label ?? { fr: id, en: id } })),
      projects: form.projects.map((p) => ({ id: p.id, name: p.name })),
    },
    framework: { id: form.framework.id, title: form.framework.definition.title, number: form.framework.versionNumber },
    chosen: { id: chosen.id, title: chosen.definition.title, groups: chosen.definition.stakeholderGroups },
    frameworks: form.versions.map((v) => ({ id: v.id, title: v.definition.title, description: v.definition.description, versionNumber: v.versionNumber, isStarter: v.isStarter })),
    choosing: new URL(request.url).searchParams.get("framework") === "",
    allProjects: form.allProjects.map((p) => ({ id: p.id, name: p.name, association: p.associationName })),
    projects: form.projects.map((p) => p.name),
    groups: form.groupIds.map((id) => ({ label: labels.get(id) ?? { fr: id, en: id }, projects: form.projects.filter((p) => isAsked(form.unasked, id, p.id)).map((p) => p.name) })),
    neighbourhoods: form.neighbourhoods,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  const campaignId = await ownedParam(member, params, "campaignId");
  const submission = parseWithZod(await readFormData(request), { schema: campaignEditSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await updateCampaign(db, member, campaignId, submission.value, campaignInvitations);
  if (!result.ok) return data(await replyWithFailure(request, submission, result), { status: 400 });
  return redirect(`/campaigns/${campaignId}`, { headers: await flash(request, { key: "campaigns.edit.saved" }) });
}

export default function EditCampaign() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const { editable, campaign, chosen } = data;
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "campaign-edit",
    lastResult,
    defaultValue: data.defaultValue,
    shouldValidate: "onBlur",
    // A message stays until the next submit: removing it on blur moved the page up under the
    // pointer, so the click on « Créer » landed on nothing.
    shouldRevalidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: campaignEditSchema }),
  });
  const back = (
    <p>
      <Link to={`/campaigns/${campaign.id}`}>← {t("campaigns.edit.back")}</Link>
    </p>
  );
  if (editable === null) {
    return (
      <section className="page">
        {back}
        <h1>{t("campaigns.edit.publishedTitle")}</h1>
        <p>{t("campaigns.edit.published")}</p>
      </section>
    );
  }
  if (editable === "all" && data.choosing) {
    return (
      <section className="page">
        {back}
        <h1>{t("campaigns.edit.title")}</h1>
        <FrameworkChooser frameworks={data.frameworks} current={data.framework.id} />
      </section>
    );
  }
  return (
    <section className="page">
      {back}
      <h1>{t("campaigns.edit.title")}</h1>
      <p>{editable === "all" ? t("campaigns.edit.intro") : t("campaigns.edit.frozenIntro")}</p>
      {editable === "all" ? (
        <p>
          {t("campaigns.form.framework")}{t("typography.colon")}<strong>{localized(t.locale, chosen.title)}</strong> — <Link to="?framework=">{t("campaigns.form.changeFramework")}</Link>
        </p>
      ) : null}
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="scope" value={editable} />
        {editable === "all" ? <input type="hidden" name="frameworkVersionId" value={chosen.id} /> : null}
        <CampaignFields fields={fields} choices={editable === "all" ? { projects: data.allProjects, groups: chosen.groups } : undefined} />
        {editable === "all" ? <GroupProjectGrid field={fields.asked} {...data.grid} /> : null}
        <div className="actions">
          <button type="submit">{t("campaigns.edit.submit")}</button>
        </div>
      </Form>
      {editable === "wording" ? (
        <>
          <h2>{t("campaigns.edit.frozenHeading")}</h2>
          <dl>
            <dt>{t("campaigns.form.framework")}</dt>
            <dd>{`${localized(t.locale, data.framework.title)}, ${t("frameworks.campaignChoice.version", { number: String(data.framework.number) })}`}</dd>
            <dt>{t("campaigns.form.projects")}</dt>
            <dd>{data.projects.join(", ")}</dd>
            <dt>{t("campaigns.form.groups")}</dt>
            {data.groups.map((g) => (
              <dd key={localized(t.locale, g.label)}>
                {localized(t.locale, g.label)}{t("typography.colon")}{g.projects.join(", ")}
              </dd>
            ))}
            <dt>{t("campaigns.edit.anonymity")}</dt>
            <dd>{campaign.isAnonymous ? t("campaigns.detail.anonymous", { k: campaign.k }) : t("campaigns.detail.named", { k: campaign.k })}</dd>
            <dt>{t("campaigns.form.neighbourhoods")}</dt>
            <dd>{data.neighbourhoods.length > 0 ? data.neighbourhoods.join(", ") : t("campaigns.edit.noNeighbourhood")}</dd>
          </dl>
        </>
      ) : null}
    </section>
  );
}
