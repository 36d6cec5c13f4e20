import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { failureText } from "~/lib/failure-reply.server";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { countPersonalData, deletePersonalData } from "~/modules/invitations/personal-data.server";
import { routeParam } from "~/lib/route-params";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.personalData"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  const { campaign, count, canDelete } = await countPersonalData(db, member.territoryId, routeParam(params, "campaignId"));
  return { campaign: { id: campaign.id, title: campaign.title, deletedAt: campaign.personalDataDeletedAt }, count, canDelete };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const campaignId = routeParam(params, "campaignId");
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  const result = await deletePersonalData(db, member, campaignId);
  if (!result.ok) return data({ error: await failureText(request, result) }, { status: 400 });
  return redirect(`/campaigns/${campaignId}/invitations#personal-data`, { headers: await flash(request, { key: "invitations.personalData.done" }) });
}

export default function DeletePersonalData() {
  const t = useT();
  const { campaign, count, canDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <section className="page narrow">
      <p>
        <Link to={`/campaigns/${campaign.id}/invitations`}>← {t("invitations.back")}</Link>
      </p>
      <h1>{t("invitations.personalData.confirmTitle", { title: campaign.title })}</h1>
      {actionData?.error ? (
        <div className="error-summary" role="alert">
          {t.dynamic(actionData.error)}
        </div>
      ) : null}
      {canDelete ? (
        <>
          <p className="warning">{t.plural("invitations.personalData.confirmBody", count)}</p>
          <Form method="post">
            <button type="submit">{t("invitations.personalData.confirm")}</button>
          </Form>
        </>
      ) : (
        <p>{t("invitations.personalData.notYet")}</p>
      )}
    </section>
  );
}
