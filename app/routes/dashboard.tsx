import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CampaignTable } from "~/components/campaign-table";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { COUNCIL_EDITORS } from "~/modules/accounts/roles";
import { listCampaignsWithResponses } from "~/modules/participation/participation.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.dashboard"));

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const campaigns = await listCampaignsWithResponses(db, member.territoryId);
  return { territoryName: member.territoryName, campaigns, canEdit: COUNCIL_EDITORS.includes(member.role) };
}

export default function Dashboard() {
  const t = useT();
  const { territoryName, campaigns, canEdit } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("dashboard.title", { territory: territoryName })}</h1>
      <p className="muted">{t("dashboard.intro")}</p>
      <h2>{t("dashboard.campaigns")}</h2>
      {campaigns.length === 0 ? <p>{t("dashboard.noCampaign")}</p> : <CampaignTable campaigns={campaigns} />}
      {canEdit ? (
        <p>
          <Link className="button" to="/campaigns/new">
            {t("dashboard.startCampaign")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
