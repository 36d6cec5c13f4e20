import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { findSubmittedCampaign } from "~/modules/surveys/survey.server";

export const meta: MetaFunction = () => [{ title: "Merci ! — Évaluation partagée" }];

export async function loader({ params }: LoaderFunctionArgs) {
  const campaign = await findSubmittedCampaign(db, params.resume!);
  if (!campaign) throw new Response("Not found", { status: 404 });
  return json({ title: campaign.title });
}

export default function Thanks() {
  const t = useT();
  const { title } = useLoaderData<typeof loader>();
  return (
    <section className="survey">
      <p className="muted">{title}</p>
      <h1>{t("survey.thanksTitle")}</h1>
      <p>{t("survey.thanksBody")}</p>
    </section>
  );
}
