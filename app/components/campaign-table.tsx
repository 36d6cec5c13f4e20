import { Link } from "@remix-run/react";
import type { CampaignState } from "../../db/schema";
import { formatDate } from "../i18n/i18n";
import { useT } from "../i18n/use-t";
import { DataTable } from "./data-table";
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
    <DataTable
      label={t("titles.campaigns")}
      columns={[{ label: t("campaigns.columns.title") }, { label: t("campaigns.columns.state") }, { label: t("campaigns.columns.period") }, { label: t("campaigns.columns.responses"), numeric: true }]}
      rows={campaigns.map((c) => ({
        key: c.id,
        cells: [
          <Link key="title" to={`/campaigns/${c.id}`}>
            <FrenchText>{c.title}</FrenchText>
          </Link>,
          <CampaignStateBadge key="state" state={c.state} />,
          c.opensOn || c.closesOn ? `${day(c.opensOn)} – ${day(c.closesOn)}` : "—",
          c.responseCount,
        ],
      }))}
    />
  );
}
