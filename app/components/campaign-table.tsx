import { Link } from "@remix-run/react";
import type { CampaignState } from "../../db/schema";
import { formatDate } from "../i18n/i18n";
import { useT } from "../i18n/use-t";

type Row = { id: string; title: string; state: CampaignState; opens_on: string | null; closes_on: string | null; response_count: number | null };

export function CampaignStateBadge({ state }: { state: CampaignState }) {
  const t = useT();
  return <span className={`badge badge--${state}`}>{t(`campaigns.states.${state}`)}</span>;
}

export function CampaignTable({ campaigns }: { campaigns: Row[] }) {
  const t = useT();
  const day = (d: string | null) => (d ? formatDate(t.locale, d) : "…");
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t("campaigns.columns.title")}</th>
            <th scope="col">{t("campaigns.columns.state")}</th>
            <th scope="col">{t("campaigns.columns.period")}</th>
            <th scope="col" className="number">
              {t("campaigns.columns.responses")}
            </th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/campaigns/${c.id}`}>{c.title}</Link>
              </td>
              <td>
                <CampaignStateBadge state={c.state} />
              </td>
              <td>{c.opens_on || c.closes_on ? `${day(c.opens_on)} – ${day(c.closes_on)}` : "—"}</td>
              <td className="number">{c.response_count ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
