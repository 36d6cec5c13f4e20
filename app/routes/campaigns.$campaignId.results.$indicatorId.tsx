import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DistributionBars, GroupComparison, TrendChart } from "~/components/results/indicator-charts";
import { ResultsNotYet } from "~/components/results/results-not-yet";
import { WrittenAnswers } from "~/components/results/written-answers";
import { db } from "~/db.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { getIndicatorPage } from "~/modules/results/results-pages.server";
import { FrenchText } from "~/components/french-text";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.indicatorResults"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return await getIndicatorPage(db, member.territoryId, params.campaignId ?? "", params.indicatorId ?? "");
}

export default function IndicatorResults() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  if (!data.available) return <ResultsNotYet campaign={data.campaign} />;
  const { campaign } = data;
  if (data.kind === "written") {
    const { written } = data;
    return (
      <section className="page">
        <p>
          <Link to={`/campaigns/${campaign.id}/results`}>{t("results.backToOverview")}</Link>
        </p>
        <h1>{t("results.indicatorTitle", { indicator: localized(t.locale, written.indicator.label), title: campaign.title })}</h1>
        <p className="muted">{t("typography.quoted", { text: localized(t.locale, written.indicator.question) })}</p>
        {data.projects.map((project) => (
          <article key={project.id} className="card" aria-labelledby={`p-${project.id}`}>
            <h2 id={`p-${project.id}`}>
              {project.name} — {t("texts.published")}
            </h2>
            <WrittenAnswers written={written} project={project} groups={data.groups} />
          </article>
        ))}
      </section>
    );
  }
  const { indicator } = data;
  const label = localized(t.locale, indicator.label);
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${campaign.id}/results`}>{t("results.backToOverview")}</Link>
      </p>
      <h1>{t("results.indicatorTitle", { indicator: label, title: campaign.title })}</h1>
      <p className="muted">{t("typography.quoted", { text: localized(t.locale, indicator.question) })}</p>
      {data.projects.map((project) => (
        <article key={project.id} className="card" aria-labelledby={`p-${project.id}`}>
          <h2 id={`p-${project.id}`}>
            <FrenchText>{project.name}</FrenchText>
          </h2>
          <h3>{t("results.distributionHeading", { project: project.name })}</h3>
          <DistributionBars indicator={indicator} project={project} data={data} />
          <h3>{t("results.comparisonHeading", { project: project.name })}</h3>
          <GroupComparison indicator={indicator} project={project} data={data} />
          <h3>{t("results.trendHeading", { project: project.name })}</h3>
          <TrendChart indicator={indicator} project={project} previousTitle={data.previousCampaign?.title ?? null} />
        </article>
      ))}
    </section>
  );
}
