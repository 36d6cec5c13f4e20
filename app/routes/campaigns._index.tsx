import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { CampaignTable } from "~/components/campaign-table";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { COUNCIL_EDITORS } from "~/modules/accounts/roles";
import { listCampaignsWithResponses } from "~/modules/participation/participation.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.campaigns"));

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return { campaigns: await listCampaignsWithResponses(db, member.territoryId), canEdit: COUNCIL_EDITORS.includes(member.role) };
}

export default function Campaigns() {
  const t = useT();
  const { campaigns, canEdit } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("campaigns.title")}</h1>
      <p className="muted">{t("campaigns.intro")}</p>
      {canEdit ? (
        <p>
          <Link className="button" to="/campaigns/new">
            {t("campaigns.new")}
          </Link>
        </p>
      ) : null}
      {campaigns.length === 0 ? <p>{t("campaigns.empty")}</p> : <CampaignTable campaigns={campaigns} />}
    </section>
  );
}
