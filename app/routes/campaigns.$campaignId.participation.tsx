import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { DailyResponsesChart } from "~/components/charts/daily-responses-chart";
import { db } from "~/db.server";
import { formatPercent, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { getCampaignParticipation } from "~/modules/participation/participation.server";
import type { Funnel } from "~/modules/participation/tally";

export const meta: MetaFunction = () => [{ title: "Participation — Évaluation partagée" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return json(await getCampaignParticipation(db, member.territoryId, params.campaignId!));
}

/** A table that may scroll sideways on a phone: focusable so keyboard users can scroll it. */
function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      <table>{children}</table>
    </div>
  );
}

export default function CampaignParticipation() {
  const t = useT();
  const { campaign, groupLabels, totals, byGroup, byNeighbourhood, byDay } = useLoaderData<typeof loader>();
  const labels = new Map(groupLabels.map((g) => [g.id, localized(t.locale, g.label)]));
  const groupName = (id: string) => labels.get(id) ?? id;
  const rate = (r: number | null) => (r === null ? t("participation.notAvailable") : formatPercent(t.locale, r));
  const funnelHeaders = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col" className="number">{t("participation.sent")}</th>
        <th scope="col" className="number">{t("participation.opened")}</th>
        <th scope="col" className="number">{t("participation.answered")}</th>
        <th scope="col" className="number">{t("participation.rate")}</th>
      </tr>
    </thead>
  );
  const funnelCells = (f: Funnel) => (
    <>
      <td className="number">{f.sent}</td>
      <td className="number">{f.opened}</td>
      <td className="number">{f.answered}</td>
      <td className="number">{rate(f.rate)}</td>
    </>
  );
  const underK = byGroup.filter((g) => g.isUnderK);
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${campaign.id}`}>← {t("participation.back")}</Link>
      </p>
      <h1>{t("participation.title", { title: campaign.title })}</h1>
      <p className="muted">{t("participation.intro")}</p>
      {underK.length > 0 ? (
        <p className="warning" data-testid="under-k-warning">
          {t("participation.underKSummary", { groups: underK.map((g) => groupName(g.groupId)).join(", "), k: campaign.k })}
        </p>
      ) : null}

      <h2>{t("participation.totals")}</h2>
      <dl className="stats">
        <div>
          <dt>{t("participation.responses")}</dt>
          <dd data-testid="total-responses">{totals.responses}</dd>
        </div>
        <div>
          <dt>{t("participation.openLinkResponses")}</dt>
          <dd>{totals.openLinkResponses}</dd>
        </div>
        <div>
          <dt>{t("participation.sent")}</dt>
          <dd>{totals.sent}</dd>
        </div>
        <div>
          <dt>{t("participation.opened")}</dt>
          <dd>{totals.opened}</dd>
        </div>
        <div>
          <dt>{t("participation.answered")}</dt>
          <dd>{totals.answered}</dd>
        </div>
        <div>
          <dt>{t("participation.rate")}</dt>
          <dd>{rate(totals.rate)}</dd>
        </div>
      </dl>
      <p className="hint">{t("participation.rateHint")}</p>

      <h2>{t("participation.byGroup")}</h2>
      <ScrollTable label={t("participation.byGroup")}>
        <thead>
          <tr>
            <th scope="col">{t("participation.group")}</th>
            <th scope="col" className="number">{t("participation.responses")}</th>
            <th scope="col" className="number">{t("participation.openLinkResponses")}</th>
            <th scope="col" className="number">{t("participation.sent")}</th>
            <th scope="col" className="number">{t("participation.opened")}</th>
            <th scope="col" className="number">{t("participation.answered")}</th>
            <th scope="col" className="number">{t("participation.rate")}</th>
          </tr>
        </thead>
        <tbody>
          {byGroup.map((g) => (
            <tr key={g.groupId} data-testid={`group-${g.groupId}`}>
              <th scope="row">
                {groupName(g.groupId)}
                {g.isUnderK ? (
                  <>
                    {" "}
                    <span className="badge badge--warning">{t("participation.underK", { k: campaign.k })}</span>
                  </>
                ) : null}
              </th>
              <td className="number">{g.responses}</td>
              <td className="number">{g.openLinkResponses}</td>
              {funnelCells(g)}
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <h2>{t("participation.byNeighbourhood")}</h2>
      {totals.invitations === 0 ? (
        <p className="muted">{t("participation.noNeighbourhoods")}</p>
      ) : (
        <ScrollTable label={t("participation.byNeighbourhood")}>
          {funnelHeaders(t("participation.neighbourhood"))}
          <tbody>
            {byNeighbourhood.map((n) => (
              <tr key={n.name ?? ""}>
                <th scope="row">{n.name ?? t("participation.noNeighbourhood")}</th>
                {funnelCells(n)}
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}

      <h2>{t("participation.byDay")}</h2>
      <p className="hint">{t("participation.byDayHint")}</p>
      {byDay.length === 0 ? (
        <p className="muted">{t("participation.noResponses")}</p>
      ) : (
        <DailyResponsesChart rows={byDay} caption={t("participation.byDay")} dayLabel={t("participation.day")} countLabel={t("participation.responses")} />
      )}
    </section>
  );
}
