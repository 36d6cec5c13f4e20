import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary } from "~/components/form/fields";
import { db } from "~/db.server";
import { createTranslator, formatDate } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { translateFailure } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { ownedParam } from "~/lib/owned-param.server";
import { routeParam } from "~/lib/route-params";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { getTransitionConfirmation, transitionCampaign } from "~/modules/campaigns/campaigns.server";
import { campaignInvitations } from "~/modules/invitations/campaign-invitations.server";
import { CAMPAIGN_STATES } from "~/modules/campaigns/state";
import { formFailure } from "~/modules/failure";
import { startReview } from "~/modules/review/evaluation.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, () => data?.campaign.title ?? "");

const transitionSchema = z.object({ to: z.enum(CAMPAIGN_STATES) });

/** GET shows what the step freezes; nothing changes until the council confirms with POST. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.editCouncilData);
  const parsed = transitionSchema.safeParse({ to: new URL(request.url).searchParams.get("to") });
  // Publication is confirmed on the review page, once the review is closed.
  if (!parsed.success || parsed.data.to === "published") throw new Response("Not found", { status: 404 });
  return { campaign: await getTransitionConfirmation(db, member.territoryId, routeParam(params, "campaignId"), parsed.data.to) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.editCouncilData);
  const campaignId = await ownedParam(member, params, "campaignId");
  const parsed = transitionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return data(await translateFailure(request, formFailure("campaigns.transitionErrors.notAllowed", { from: "", to: "" })), { status: 400 });
  // Going to review also generates the draft evaluation the council edits before opening it.
  const result = parsed.data.to === "in_review" ? await startReview(db, member, campaignId, campaignInvitations) : await transitionCampaign(db, member, campaignId, parsed.data.to, campaignInvitations);
  if (!result.ok) return data(await translateFailure(request, result), { status: 400 });
  const t = createTranslator(await getLocale(request));
  const state = t(`campaigns.states.${result.state}`);
  return redirect(`/campaigns/${campaignId}`, { headers: await flash(request, { key: "campaigns.detail.transitionDone", params: { state } }) });
}

export default function ConfirmTransition() {
  const t = useT();
  const { campaign } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const day = (d: string | null) => (d ? formatDate(t.locale, d) : t("campaigns.detail.noDate"));
  const step = campaign.to === "open" && campaign.from === "closed" ? "reopen" : campaign.to;
  return (
    <section className="page narrow">
      <p>
        <Link to={`/campaigns/${campaign.id}`}>← {t("campaigns.confirm.back")}</Link>
      </p>
      <h1>{t.dynamic(`campaigns.confirm.title.${step}`)}</h1>
      <p lang="fr" className="lead">
        {campaign.title}
      </p>
      <FormErrorSummary errors={actionData?.formErrors} />
      <h2>{t("campaigns.confirm.freezesHeading")}</h2>
      <ul>
        {step === "open" ? (
          <>
            <li>{t("campaigns.confirm.open.questions")}</li>
            <li>{campaign.isAnonymous ? t("campaigns.confirm.open.anonymous", { k: campaign.k }) : t("campaigns.confirm.open.named", { k: campaign.k })}</li>
            <li>{t("campaigns.confirm.open.dates", { opensOn: day(campaign.opensOn), closesOn: day(campaign.closesOn) })}</li>
          </>
        ) : (
          <li>{t.dynamic(`campaigns.confirm.freezes.${step}`)}</li>
        )}
      </ul>
      <Form method="post" className="actions">
        <input type="hidden" name="to" value={campaign.to} />
        <button type="submit">{t.dynamic(`campaigns.confirm.submit.${step}`)}</button>
        <Link className="button button--secondary" to={`/campaigns/${campaign.id}`}>
          {t("common.cancel")}
        </Link>
      </Form>
    </section>
  );
}
