import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DataTable } from "~/components/data-table";
import { CampaignStateBadge } from "~/components/campaign-table";
import { db } from "~/db.server";
import { formatDate, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { publicBaseUrl } from "~/lib/request.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { can } from "~/modules/accounts/roles";
import { getCampaignOverview } from "~/modules/campaigns/campaigns.server";
import { campaignInvitations } from "~/modules/invitations/campaign-invitations.server";
import { editableScope, nextStates } from "~/modules/campaigns/state";
import { hasStableResults } from "~/modules/results/availability";
import { routeParam } from "~/lib/route-params";
import { titleMeta } from "~/i18n/meta";
import { isAsked } from "~/modules/campaigns/group-projects";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, () => data?.campaign.title ?? "");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const overview = await getCampaignOverview(db, member.territoryId, routeParam(params, "campaignId"), campaignInvitations);
  const canEditCampaign = can(member.role, "editCouncilData");
  // Open links and invitations are the council's: other roles neither see nor receive them.
  const canManageInvitations = can(member.role, "manageInvitations");
  const groups = new Map(overview.framework.definition.stakeholderGroups.map((g) => [g.id, g.label]));
  return {
    campaign: overview.campaign,
    framework: { id: overview.framework.frameworkId, number: overview.framework.versionNumber, title: overview.framework.definition.title },
    // Each project with the groups asked about it (only shown when not every group is).
    projects: overview.projects.map((p) => ({ ...p, askedGroupIds: overview.groupIds.filter((g) => isAsked(overview.unasked, g, p.id)) })),
    groups: overview.groupIds.map((id) => ({ id, label: groups.get(id) ?? { fr: id, en: id } })),
    openLinks: (canManageInvitations ? overview.openLinks : []).map((l) => ({
      ...l,
      url: `${publicBaseUrl(request)}/s/${l.code}`,
      groupLabel: groups.get(l.groupId) ?? { fr: l.groupId, en: l.groupId },
    })),
    neighbourhoods: overview.neighbourhoods,
    history: overview.history,
    // Publication happens on the review page, once the review is closed.
    next: canEditCampaign ? nextStates(overview.campaign.state).filter((s) => s !== "published") : [],
    hasReview: overview.campaign.state === "in_review" || overview.campaign.state === "published",
    canEditCampaign,
    canEdit: canEditCampaign && editableScope(overview.campaign.state) !== null,
    canManageInvitations,
    canRunWorkshops: can(member.role, "runWorkshops"),
    hasResults: hasStableResults(overview.campaign.state),
  };
}

export default function CampaignPage() {
  const t = useT();
  const { campaign, framework, projects, groups, openLinks, history, next, canEditCampaign, canEdit, canManageInvitations, canRunWorkshops, hasResults, hasReview } = useLoaderData<typeof loader>();
  const day = (d: string | null) => (d ? formatDate(t.locale, d) : t("campaigns.detail.noDate"));
  const stateLabel = (s: string) => t.dynamic(`campaigns.states.${s}`);
  return (
    <section className="page">
      <p>
        <Link to="/campaigns">← {t("nav.campaigns")}</Link>
      </p>
      <h1>
        <span lang="fr">{campaign.title}</span> <CampaignStateBadge state={campaign.state} />
      </h1>
      {campaign.description ? <p lang="fr">{campaign.description}</p> : null}
      <ul>
        <li>
          <Link to={`/frameworks/${framework.id}?version=${framework.number}`}>
            {t("campaigns.detail.framework", { title: localized(t.locale, framework.title), number: String(framework.number) })}
          </Link>
        </li>
        <li>{t("campaigns.detail.dates", { opensOn: day(campaign.opensOn), closesOn: day(campaign.closesOn) })}</li>
        <li>{campaign.isAnonymous ? t("campaigns.detail.anonymous", { k: campaign.k }) : t("campaigns.detail.named", { k: campaign.k })}</li>
      </ul>
      <div className="actions">
        {/* Each step first shows what it freezes (confirmation page); closing is never the primary button. */}
        {next.map((to) => (
          <Link key={to} className={to === "closed" || campaign.state === "closed" ? "button button--secondary" : "button"} to={`/campaigns/${campaign.id}/transition?to=${to}`}>
            {t.dynamic(`campaigns.detail.transition.${to}`)}
          </Link>
        ))}
        {canEdit ? (
          <Link className="button button--secondary" to={`/campaigns/${campaign.id}/edit`}>
            {t("campaigns.edit.link")}
          </Link>
        ) : null}
        {canEditCampaign ? (
          <Link className="button button--secondary" to={`/campaigns/${campaign.id}/preview`}>
            {t("council.preview.link")}
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
        {hasReview ? (
          <Link className="button button--secondary" to={`/campaigns/${campaign.id}/review`}>
            {t("review.link")}
          </Link>
        ) : null}
        <Link className="button button--secondary" to={`/campaigns/${campaign.id}/participation`}>
          {t("participation.link")}
        </Link>
        {canRunWorkshops ? (
          <>
            <Link className="button button--secondary" to={`/campaigns/${campaign.id}/workshops`}>
              {t("workshops.link")}
            </Link>
            <Link className="button button--secondary" to={`/campaigns/${campaign.id}/paper`}>
              {t("paper.link")}
            </Link>
          </>
        ) : null}
        {canManageInvitations ? (
          <Link className="button button--secondary" to={`/campaigns/${campaign.id}/invitations`}>
            {t("invitations.link")}
          </Link>
        ) : null}
      </div>
      {hasResults ? null : (
        <p className="muted" id="results-not-yet">
          {t("campaigns.detail.resultsNotYet")}
        </p>
      )}

      <h2>{t("campaigns.detail.projects")}</h2>
      <ul>
        {projects.map((p) => (
          <li key={p.id}>
            <span lang="fr">{p.name}</span>
            {p.askedGroupIds.length < groups.length ? (
              <span className="muted">
                {" — "}
                {t("campaigns.detail.askedGroups", { groups: groups.filter((g) => p.askedGroupIds.includes(g.id)).map((g) => localized(t.locale, g.label)).join(", ") })}
              </span>
            ) : null}
          </li>
        ))}
      </ul>
      <p className="muted">
        {t("campaigns.form.groups")}
        {t("typography.colon")}
        {groups.map((g) => localized(t.locale, g.label)).join(" · ")}
      </p>

      {canManageInvitations ? (
        <>
          <h2>{t("campaigns.detail.openLinks")}</h2>
          <p className="muted">{t("campaigns.detail.openLinksHint")}</p>
          <DataTable
            label={t("campaigns.detail.openLinks")}
            columns={[{ label: t("campaigns.form.groups") }, { label: t("invitations.columns.url") }, { label: t("campaigns.columns.responses"), numeric: true }]}
            rows={openLinks.map((l) => ({ key: l.id, cells: [localized(t.locale, l.groupLabel), <a key="url" href={`/s/${l.code}`}>{l.url}</a>, l.responseCount] }))}
          />
        </>
      ) : null}

      <h2>{t("campaigns.detail.history")}</h2>
      <ul>
        {history.map((h) => (
          <li key={h.id}>
            {formatDate(t.locale, h.at, true)} —{" "}
            {h.action === "transition" ? t("campaigns.audit.transition", { from: stateLabel(h.fromState ?? ""), to: stateLabel(h.toState ?? "") }) : t.dynamic(`campaigns.audit.${h.action}`)}
            {h.actor ? ` (${h.actor})` : ""}
          </li>
        ))}
      </ul>
    </section>
  );
}
