import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DistributionChart } from "~/components/charts/distribution-chart";
import { db } from "~/db.server";
import { formatNumber, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { ScrollTable } from "~/components/scroll-table";
import { requireMember } from "~/modules/accounts/guard.server";
import { getCampaignResults } from "~/modules/results/results.server";
import { valueLabel } from "~/modules/surveys/labels";

export const meta: MetaFunction = () => [{ title: "Résultats — Évaluation partagée" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return await getCampaignResults(db, member.territoryId, params.campaignId!);
}

export default function CampaignResults() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  if (!data.available) return <ResultsNotYet campaign={data.campaign} />;
  const { campaign, framework, k, totalResponses, participation, questions } = data;
  const groupLabel = new Map(framework.stakeholderGroups.map((g) => [g.id, localized(t.locale, g.label)]));
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${campaign.id}`}>← {campaign.title}</Link>
      </p>
      <h1>{t("results.title", { title: campaign.title })}</h1>
      <p className="muted">{t("results.intro", { k })}</p>

      <h2>{t("results.participation")}</h2>
      <p>
        {t("results.totalResponses")} : <strong data-testid="total-responses">{totalResponses}</strong>
      </p>
      <ScrollTable label={t("results.byGroup")}>
        <caption>{t("results.byGroup")}</caption>
        <tbody>
          {participation.map((p) => (
            <tr key={p.groupId}>
              <th scope="row">{groupLabel.get(p.groupId) ?? p.groupId}</th>
              <td className="number">{t.plural("common.responses", p.responses)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      {questions.map((q) => {
        const question = localized(t.locale, q.indicator.label);
        return (
          <article key={`${q.projectId}-${q.indicator.id}`} className="card" aria-labelledby={`q-${q.projectId}-${q.indicator.id}`}>
            <h2 id={`q-${q.projectId}-${q.indicator.id}`}>{question}</h2>
            <p className="muted">
              {q.projectName} — « {localized(t.locale, q.indicator.question)} »
            </p>
            {q.total.shown ? (
              <>
                <p>
                  {t("results.answers")} : <strong>{q.total.n}</strong> · {t("results.dontKnow")} : {q.total.dontKnow}
                  {q.total.mean !== null ? ` · ${t("results.mean")} : ${formatNumber(t.locale, q.total.mean, 2)}` : ""}
                </p>
                {q.total.distribution.length > 0 ? (
                  <DistributionChart
                    caption={t("results.chartTableCaption", { question, project: q.projectName })}
                    rows={q.total.distribution.map((d) => ({ label: valueLabel(q.scale, d.value, t), count: d.count }))}
                  />
                ) : null}
              </>
            ) : (
              <p className="warning">{t("results.suppressed", { k })}</p>
            )}
            {q.byGroup.length > 1 ? (
              <ScrollTable label={`${question} — ${t("results.byGroup")}`}>
                <caption>{t("results.byGroup")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("results.group")}</th>
                    <th scope="col" className="number">
                      {t("results.answers")}
                    </th>
                    <th scope="col" className="number">
                      {t("results.dontKnow")}
                    </th>
                    <th scope="col" className="number">
                      {t("results.mean")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {q.byGroup.map(({ groupId, result }) => (
                    <tr key={groupId}>
                      <th scope="row">{groupLabel.get(groupId) ?? groupId}</th>
                      {result.shown ? (
                        <>
                          <td className="number">{result.n}</td>
                          <td className="number">{result.dontKnow}</td>
                          <td className="number">{result.mean === null ? "—" : formatNumber(t.locale, result.mean, 2)}</td>
                        </>
                      ) : (
                        <td colSpan={3}>{t("results.suppressed", { k })}</td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </ScrollTable>
            ) : null}
          </article>
        );
      })}
    </section>
  );
}

/** An open (or draft) campaign: why there is nothing to read yet, and where participation is. */
function ResultsNotYet({ campaign }: { campaign: { id: string; title: string; state: string } }) {
  const t = useT();
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${campaign.id}`}>← {campaign.title}</Link>
      </p>
      <h1>{t("results.title", { title: campaign.title })}</h1>
      <div className="flash" role="status" data-testid="results-not-yet">
        <p>
          <strong>{t("results.notYet.heading")}</strong>
        </p>
        <p>{t("results.notYet.why")}</p>
        <p>
          {t("results.notYet.participation")} <Link to={`/campaigns/${campaign.id}/participation`}>{t("results.notYet.participationLink")}</Link>
        </p>
      </div>
    </section>
  );
}
