import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { getCampaignResults } from "~/modules/results/results.server";

export const meta: MetaFunction = () => [{ title: "Résultats — Évaluation partagée" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return json(await getCampaignResults(db, member.territoryId, params.campaignId ?? ""));
}

export default function CampaignResults() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${data.campaign.id}`}>← {data.campaign.title}</Link>
      </p>
      <h1>{t("results.title", { title: data.campaign.title })}</h1>
    </section>
  );
}
