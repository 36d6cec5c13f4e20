import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { CampaignStateBadge } from "~/components/campaign-table";
import { FormErrorSummary } from "~/components/form/fields";
import { db } from "~/db.server";
import { translateFailure } from "~/lib/failure-reply.server";
import { createTranslator, formatDate, localized } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { publicBaseUrl } from "~/lib/request.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { COUNCIL_EDITORS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { getCampaignOverview, transitionCampaign } from "~/modules/campaigns/campaigns.server";
import { campaignInvitations } from "~/modules/invitations/campaign-invitations.server";
import { formFailure } from "~/modules/failure";
import { CAMPAIGN_STATES, editableScope, nextStates } from "~/modules/campaigns/state";
import { readFormData } from "~/lib/http/form-data.server";
import { hasStableResults } from "~/modules/results/availability";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.campaign.title ?? ""} — Évaluation partagée` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const overview = await getCampaignOverview(db, member.territoryId, params.campaignId!, campaignInvitations);
  const groups = new Map(overview.framework.definition.stakeholderGroups.map((g) => [g.id, g.label]));
  return {
    campaign: overview.campaign,
    framework: { id: overview.framework.frameworkId, number: overview.framework.versionNumber, title: overview.framework.definition.title, version: overview.framework.definition.version },
    projects: overview.projects,
    groups: overview.groupIds.map((id) => ({ id, label: groups.get(id) ?? { fr: id, en: id } })),
    openLinks: overview.openLinks.map((l) => ({ ...l, url: `${publicBaseUrl(request)}/s/${l.code}`, groupLabel: groups.get(l.groupId) ?? { fr: l.groupId, en: l.groupId } })),
    neighbourhoods: overview.neighbourhoods,
    history: overview.history,
    next: COUNCIL_EDITORS.includes(member.role) ? nextStates(overview.campaign.state) : [],
    canEdit: COUNCIL_EDITORS.includes(member.role) && editableScope(overview.campaign.state) !== null,
    hasResults: hasStableResults(overview.campaign.state),
  };
}

const transitionSchema = z.object({ to: z.enum(CAMPAIGN_STATES as ["draft", "open", "closed", "in_review", "published"]) });

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  const parsed = transitionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return data(await translateFailure(request, formFailure("campaigns.transitionErrors.notAllowed", { from: "", to: "" })), { status: 400 });
  const result = await transitionCampaign(db, member, params.campaignId!, parsed.data.to, campaignInvitations);
  if (!result.ok) return data(await translateFailure(request, result), { status: 400 });
  const t = createTranslator(await getLocale(request));
  const state = t(`campaigns.states.${result.state}`);
  return redirect(`/campaigns/${params.campaignId}`, { headers: await flash(request, { key: "campaigns.detail.transitionDone", params: { state } }) });
}

export default function CampaignPage() {
  const t = useT();
  const { campaign, framework, projects, groups, openLinks, history, next, canEdit, hasResults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const stateLabel = (s: string) => t.dynamic(`campaigns.states.${s}`);
  return (
    <section className="page">
      <p>
        <Link to="/campaigns">← {t("nav.campaigns")}</Link>
      </p>
      <h1>
        {campaign.title} <CampaignStateBadge state={campaign.state} />
      </h1>
      {campaign.description ? <p>{campaign.description}</p> : null}
      <ul>
        <li>
          <Link to={`/frameworks/${framework.id}?version=${framework.number}`}>{t("campaigns.detail.framework", { title: localized(t.locale, framework.title), version: framework.version })}</Link>
        </li>
        <li>{campaign.is_anonymous ? t("campaigns.detail.anonymous", { k: campaign.k }) : t("campaigns.detail.named", { k: campaign.k })}</li>
      </ul>
      <FormErrorSummary errors={actionData?.formErrors} />
      <div className="actions">
        {next.map((to) => (
          <Form method="post" key={to}>
            <input type="hidden" name="to" value={to} />
            <button type="submit">{t.dynamic(`campaigns.detail.transition.${to}`)}</button>
          </Form>
        ))}
        {canEdit ? (
          <Link className="button button--secondary" to={`/campaigns/${campaign.id}/edit`}>
            {t("campaigns.edit.link")}
          </Link>
        ) : null}
        {hasResults ? (
          <Link className="button button--secondary" to={`/campaigns/${campaign.id}/results`}>
            {t("campaigns.detail.results")}
          </Link>
        ) : (
          <span className="button button--secondary button--disabled" aria-disabled="true" aria-describedby="results-not-yet">
            {t("campaigns.detail.results")}
          </span>
        )}
        <Link className="button button--secondary" to={`/campaigns/${campaign.id}/participation`}>
          {t("participation.link")}
        </Link>
        <Link className="button button--secondary" to={`/campaigns/${campaign.id}/invitations`}>
          {t("invitations.link")}
        </Link>
      </div>
      {hasResults ? null : (
        <p className="muted" id="results-not-yet">
          {t("campaigns.detail.resultsNotYet")}
        </p>
      )}

      <h2>{t("campaigns.detail.projects")}</h2>
      <ul>
        {projects.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
      <p className="muted">{groups.map((g) => localized(t.locale, g.label)).join(" · ")}</p>

      <h2>{t("campaigns.detail.openLinks")}</h2>
      <p className="muted">{t("campaigns.detail.openLinksHint")}</p>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("campaigns.form.groups")}</th>
              <th scope="col">URL</th>
              <th scope="col" className="number">
                {t("campaigns.columns.responses")}
              </th>
            </tr>
          </thead>
          <tbody>
            {openLinks.map((l) => (
              <tr key={l.id}>
                <td>{localized(t.locale, l.groupLabel)}</td>
                <td>
                  <a href={`/s/${l.code}`}>{l.url}</a>
                </td>
                <td className="number">{l.responseCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t("campaigns.detail.history")}</h2>
      <ul>
        {history.map((h) => (
          <li key={h.id}>
            {formatDate(t.locale, h.at, true)} — {h.action === "transition" ? t("campaigns.audit.transition", { from: stateLabel(h.fromState ?? ""), to: stateLabel(h.toState ?? "") }) : t.dynamic(`campaigns.audit.${h.action}`)}
            {h.actor ? ` (${h.actor})` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
