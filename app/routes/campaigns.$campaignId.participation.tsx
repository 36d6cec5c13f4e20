import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { DailyResponsesChart } from "~/components/charts/daily-responses-chart";
import { db } from "~/db.server";
import { formatPercent, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { ScrollTable } from "~/components/scroll-table";
import { requireMember } from "~/modules/accounts/guard.server";
import { getCampaignParticipation } from "~/modules/participation/participation.server";
import type { Funnel } from "~/modules/participation/tally";
import { routeParam } from "~/lib/route-params";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.participation"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return await getCampaignParticipation(db, member.territoryId, routeParam(params, "campaignId"));
}

export default function CampaignParticipation() {
  const t = useT();
  const { campaign, groupLabels, totals, byGroup, byNeighbourhood, byDay, byProject } = useLoaderData<typeof loader>();
  const labels = new Map(groupLabels.map((g) => [g.id, localized(t.locale, g.label)]));
  const groupName = (id: string) => labels.get(id) ?? id;
  const rate = (r: number | null) => (r === null ? t("participation.notAvailable") : formatPercent(t.locale, r));
  const funnelColumns = ["sent", "opened", "answered", "rate"] as const;
  const countColumns = ["responses", "openLinkResponses", ...funnelColumns] as const;
  const funnelValues = (f: Funnel) => [f.sent, f.opened, f.answered, rate(f.rate)];
  const countValues = (c: Funnel & { responses: number; openLinkResponses: number }) => [c.responses, c.openLinkResponses, ...funnelValues(c)];
  const headers = (first: string, columns: readonly ((typeof countColumns)[number] | "notKnown" | "askedGroups")[]) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {columns.map((c) => (
          <th key={c} scope="col" className={c === "askedGroups" ? undefined : "number"}>
            {t(`participation.${c}`)}
          </th>
        ))}
      </tr>
    </thead>
  );
  const numberCells = (values: ReactNode[]) =>
    values.map((value, i) => (
      <td key={i} className="number">
        {value}
      </td>
    ));
  const totalValues = countValues(totals);
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
        {countColumns.map((c, i) => (
          <div key={c}>
            <dt>{t(`participation.${c}`)}</dt>
            <dd data-testid={c === "responses" ? "total-responses" : undefined}>{totalValues[i]}</dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t("participation.rateHint")}</p>

      <h2>{t("participation.byGroup")}</h2>
      <ScrollTable label={t("participation.byGroup")}>
        {headers(t("participation.group"), countColumns)}
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
              {numberCells(countValues(g))}
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <h2>{t("participation.byProject")}</h2>
      <p className="hint">{t("participation.byProjectHint")}</p>
      <ScrollTable label={t("participation.byProject")}>
        {headers(t("participation.project"), ["askedGroups", "notKnown"])}
        <tbody>
          {byProject.map((p) => (
            <tr key={p.id} data-testid={`project-${p.id}`}>
              <th scope="row">{p.name}</th>
              <td>{p.askedGroupIds.map(groupName).join(", ")}</td>
              {numberCells([p.notKnown])}
            </tr>
          ))}
        </tbody>
      </ScrollTable>

      <h2>{t("participation.byNeighbourhood")}</h2>
      {totals.invitations === 0 ? (
        <p className="muted">{t("participation.noNeighbourhoods")}</p>
      ) : (
        <ScrollTable label={t("participation.byNeighbourhood")}>
          {headers(t("participation.neighbourhood"), funnelColumns)}
          <tbody>
            {byNeighbourhood.map((n) => (
              <tr key={n.name ?? ""}>
                <th scope="row">{n.name ?? t("participation.noNeighbourhood")}</th>
                {numberCells(funnelValues(n))}
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
