import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DimensionRadar, Findings, ParticipationChart } from "~/components/results/overview-charts";
import { FiguresSection } from "~/components/results/figures-section";
import { ResultsNotYet } from "~/components/results/results-not-yet";
import { db } from "~/db.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { getResultsOverview } from "~/modules/results/results-pages.server";
import { ResultsHeader } from "~/components/results/results-header";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.results"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return await getResultsOverview(db, member, params.campaignId ?? "");
}

export default function CampaignResults() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  if (!data.available) return <ResultsNotYet campaign={data.campaign} />;
  const { campaign } = data;
  const dimensionNames = new Map(data.dimensions.map((d) => [d.id, localized(t.locale, d.label)]));
  return (
    <section className="page">
      <ResultsHeader campaign={campaign} />
      <p className="muted">{t("results.intro")}</p>

      <h2>{t("results.findingsHeading")}</h2>
      <p>
        {t("results.totalResponses")}{t("typography.colon")}<strong data-testid="total-responses">{data.participation.total}</strong>
      </p>
      <Findings data={data} />

      <div className="result-grid">
        {data.projects.map((project) => {
          const scores = data.scores.find((s) => s.projectId === project.id);
          return scores ? <DimensionRadar key={project.id} project={project} scores={scores} data={data} /> : null;
        })}
      </div>

      <h2>{t("results.participation")}</h2>
      <ParticipationChart data={data} />

      {data.projects.map((project) => (
        <FiguresSection key={project.id} project={project} data={data} />
      ))}
      {data.figureProjects.length > 0 ? (
        <ul>
          {data.figureProjects.map((p) => (
            <li key={p.id}>
              <Link to={`/campaigns/${campaign.id}/figures/${p.id}`}>{t("results.enterFigures", { project: p.name })}</Link>
            </li>
          ))}
        </ul>
      ) : null}
      {data.moderatesTexts ? (
        <p>
          <Link to={`/campaigns/${campaign.id}/texts`}>{t("texts.link")}</Link>
        </p>
      ) : null}

      <h2 id="indicators">{t("results.indicatorsHeading")}</h2>
      <p className="muted">{t("results.indicatorsIntro")}</p>
      <nav aria-labelledby="indicators">
        {data.dimensions.map((dimension) => {
          const inDimension = data.indicators.filter((i) => i.dimensionId === dimension.id);
          if (inDimension.length === 0) return null;
          return (
            <section key={dimension.id}>
              <h3>{dimensionNames.get(dimension.id)}</h3>
              <ul className="toc">
                {inDimension.map((i) => (
                  <li key={i.indicatorId}>
                    <Link to={`/campaigns/${campaign.id}/results/${i.indicatorId}`}>{localized(t.locale, i.label)}</Link>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </nav>

      <h2>{t("results.downloads")}</h2>
      <p className="muted">{t("results.downloadHint")}</p>
      <ul>
        <li>
          <a href={`/campaigns/${campaign.id}/results/export/csv`} download>
            {t("results.downloadCsv")}
          </a>
        </li>
        <li>
          <a href={`/campaigns/${campaign.id}/results/export/json`} download>
            {t("results.downloadJson")}
          </a>
        </li>
      </ul>
      {data.scoringLimits ? (
        <>
          <h2>{t("results.limits")}</h2>
          <p>{localized(t.locale, data.scoringLimits)}</p>
        </>
      ) : null}
    </section>
  );
}
