import { Link } from "@remix-run/react";
import type { CampaignState } from "../../db/schema";
import { formatDate } from "../i18n/i18n";
import { useT } from "../i18n/use-t";
import { FrenchText } from "./french-text";

type Row = { id: string; title: string; state: CampaignState; opensOn: string | null; closesOn: string | null; responseCount: number };

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
                <Link to={`/campaigns/${c.id}`}>
                  <FrenchText>{c.title}</FrenchText>
                </Link>
              </td>
              <td>
                <CampaignStateBadge state={c.state} />
              </td>
              <td>{c.opensOn || c.closesOn ? `${day(c.opensOn)} – ${day(c.closesOn)}` : "—"}</td>
              <td className="number">{c.responseCount}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
