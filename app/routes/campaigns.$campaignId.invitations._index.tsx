import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { CampaignStateBadge } from "~/components/campaign-table";
import { PlainSelect } from "~/components/form/plain-select";
import { AddOpenLinkForm, AddPersonForm, ImportForm, PaperForm } from "~/components/invitations/invitation-forms";
import { OpenLinksTable, PaperBatchesTable, PersonalTable } from "~/components/invitations/invitation-tables";
import { db } from "~/db.server";
import { failureText, replyWithFailure } from "~/lib/failure-reply.server";
import { formatDate, LOCALES } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { publicBaseUrl } from "~/lib/request.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { sendInvitationEmails, sendReminderEmails } from "~/modules/invitations/emails.server";
import { addOpenLinkSchema, addPersonSchema, changeCapSchema, emailLanguageSchema, intentSchema, paperSchema } from "~/modules/invitations/forms";
import { addOpenLink, addPersonalInvitation, changeOpenLinkCap, createPaperInvitations, getInvitationsOverview } from "~/modules/invitations/invitations.server";
import { canAddInvitations, canDeletePersonalData } from "~/modules/invitations/status";
import { isSmtpConfigured } from "~/modules/outbox/outbox.server";
import invitationStyles from "~/styles/invitations.css";
import { readFormData } from "~/lib/http/form-data.server";
import { ownedParam } from "~/lib/owned-param.server";
import { routeParam } from "~/lib/route-params";
import { titleMeta } from "~/i18n/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: invitationStyles }];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, (t) => `${t("titles.invitations")} — ${data?.campaign.title ?? ""}`);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  const overview = await getInvitationsOverview(db, member.territoryId, routeParam(params, "campaignId"));
  const base = publicBaseUrl(request);
  return {
    campaign: { id: overview.campaign.id, title: overview.campaign.title, state: overview.campaign.state, isAnonymous: overview.campaign.isAnonymous, personalDataDeletedAt: overview.campaign.personalDataDeletedAt },
    groups: overview.groups,
    neighbourhoods: overview.neighbourhoods,
    openLinks: overview.openLinks.map((l) => ({ id: l.id, code: l.code, groupId: l.groupId, neighbourhood: l.neighbourhood, cap: l.maxResponses, responses: l.responseCount, url: `${base}/s/${l.code}` })),
    personal: overview.personal.map((p) => ({ id: p.id, name: p.displayName, email: p.email, groupId: p.groupId, neighbourhood: p.neighbourhood, status: p.status })),
    paperBatches: overview.paperBatches,
    canAdd: canAddInvitations(overview.campaign.state),
    canDelete: canDeletePersonalData(overview.campaign.state),
    smtp: isSmtpConfigured(),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  const campaignId = await ownedParam(member, params, "campaignId");
  const here = `/campaigns/${campaignId}/invitations`;
  const formData = await readFormData(request);
  const intent = intentSchema.safeParse({ intent: formData.get("intent") });
  if (!intent.success) return data({ form: "none" as const, error: "common.formHasErrors" }, { status: 400 });
  switch (intent.data.intent) {
    case "addPerson": {
      const submission = parseWithZod(formData, { schema: addPersonSchema });
      if (submission.status !== "success") return data({ form: "addPerson" as const, result: submission.reply() }, { status: 400 });
      const result = await addPersonalInvitation(db, member, campaignId, submission.value);
      if (!result.ok) return data({ form: "addPerson" as const, result: await replyWithFailure(request, submission, result) }, { status: 400 });
      return redirect(here, { headers: await flash(request, { key: "invitations.personal.added" }) });
    }
    case "addOpenLink": {
      const submission = parseWithZod(formData, { schema: addOpenLinkSchema });
      if (submission.status !== "success") return data({ form: "addOpenLink" as const, result: submission.reply() }, { status: 400 });
      const result = await addOpenLink(db, member, campaignId, submission.value);
      if (!result.ok) return data({ form: "addOpenLink" as const, result: await replyWithFailure(request, submission, result) }, { status: 400 });
      return redirect(here, { headers: await flash(request, { key: "invitations.openLinks.added" }) });
    }
    case "changeCap": {
      const submission = parseWithZod(formData, { schema: changeCapSchema });
      const invitationId = String(formData.get("invitationId") ?? "");
      const typed = String(formData.get("cap") ?? "");
      if (submission.status !== "success") return data({ form: "changeCap" as const, invitationId, typed, error: "invitations.errors.capInvalid" }, { status: 400 });
      const result = await changeOpenLinkCap(db, member, campaignId, submission.value.invitationId, submission.value.cap);
      if (!result.ok) return data({ form: "changeCap" as const, invitationId, typed, error: await failureText(request, result) }, { status: 400 });
      return redirect(here, { headers: await flash(request, { key: "invitations.openLinks.capChanged" }) });
    }
    case "createPaper": {
      const submission = parseWithZod(formData, { schema: paperSchema });
      if (submission.status !== "success") return data({ form: "createPaper" as const, result: submission.reply() }, { status: 400 });
      const result = await createPaperInvitations(db, member, campaignId, submission.value);
      if (!result.ok) return data({ form: "createPaper" as const, result: await replyWithFailure(request, submission, result) }, { status: 400 });
      return redirect(`${here}/print?batch=${encodeURIComponent(result.batch)}`);
    }
    case "send":
    case "remind": {
      const send = intent.data.intent === "send" ? sendInvitationEmails : sendReminderEmails;
      const { language } = emailLanguageSchema.parse({ language: formData.get("language") });
      const result = await send(db, member, campaignId, publicBaseUrl(request), language);
      if (!result.ok) return data({ form: "email" as const, error: await failureText(request, result) }, { status: 400 });
      return redirect(here, { headers: await flash(request, { key: "invitations.email.sent", params: { count: result.queued } }) });
    }
  }
}

export default function InvitationsPage() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { campaign, canAdd, canDelete, smtp } = data;
  const emailError = actionData && "error" in actionData && actionData.form === "email" ? actionData.error : null;
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${campaign.id}`}>← {t("invitations.back")}</Link>
      </p>
      <h1>
        {t("invitations.title", { title: campaign.title })} <CampaignStateBadge state={campaign.state} />
      </h1>
      <p className="muted">{t("invitations.intro")}</p>
      {!canAdd ? <p className="warning">{t("invitations.closedNotice", { state: t(`campaigns.states.${campaign.state}`) })}</p> : null}
      {campaign.isAnonymous ? <p className="muted">{t("invitations.anonymousNote")}</p> : null}

      <h2 id="open-links">{t("invitations.openLinks.title")}</h2>
      <p className="muted">{t("invitations.openLinks.hint")}</p>
      <OpenLinksTable campaignId={campaign.id} groups={data.groups} links={data.openLinks} canEdit={canAdd} actionData={actionData} />
      {canAdd ? <AddOpenLinkForm groups={data.groups} neighbourhoods={data.neighbourhoods} actionData={actionData} /> : null}

      <h2 id="personal">{t("invitations.personal.title")}</h2>
      <p className="muted">{t("invitations.personal.hint")}</p>
      <PersonalTable campaignId={campaign.id} groups={data.groups} invitations={data.personal} />
      {canAdd && !campaign.personalDataDeletedAt ? (
        <>
          <AddPersonForm groups={data.groups} neighbourhoods={data.neighbourhoods} actionData={actionData} />
          <ImportForm campaignId={campaign.id} groups={data.groups} neighbourhoods={data.neighbourhoods} />
        </>
      ) : null}

      <h2 id="emails">{t("invitations.email.title")}</h2>
      <p className="muted">{t("invitations.email.hint")}</p>
      {!smtp ? (
        <p>
          {t("invitations.email.outboxNotice")} <Link to="/outbox">{t("invitations.email.outbox")}</Link>
        </p>
      ) : null}
      {emailError ? (
        <div className="error-summary" role="alert">
          {t.dynamic(emailError)}
        </div>
      ) : null}
      {campaign.state === "open" ? (
        <Form method="post">
          <PlainSelect id="email-language" name="language" label={t("invitations.email.language")} hint={t("invitations.email.languageHint")} defaultValue="fr" options={LOCALES.map((l) => ({ value: l, label: t(`invitations.email.languages.${l}`), lang: l }))} />
          <div className="actions">
            <button type="submit" name="intent" value="send">
              {t("invitations.email.send")}
            </button>
            <button type="submit" name="intent" value="remind" className="button--secondary">
              {t("invitations.email.remind")}
            </button>
          </div>
        </Form>
      ) : (
        <p>{t("invitations.email.notOpen")}</p>
      )}

      <h2 id="paper">{t("invitations.paper.title")}</h2>
      <p className="muted">{t("invitations.paper.hint")}</p>
      <PaperBatchesTable campaignId={campaign.id} groups={data.groups} batches={data.paperBatches} />
      {canAdd ? <PaperForm groups={data.groups} neighbourhoods={data.neighbourhoods} actionData={actionData} /> : null}

      <h2 id="personal-data">{t("invitations.personalData.title")}</h2>
      {campaign.personalDataDeletedAt ? (
        <p className="flash">{t("invitations.personalData.deletedOn", { date: formatDate(t.locale, campaign.personalDataDeletedAt) })}</p>
      ) : (
        <>
          <p className="muted">{t("invitations.personalData.hint")}</p>
          {canDelete ? (
            <Link className="button button--secondary" to={`/campaigns/${campaign.id}/invitations/personal-data`}>
              {t("invitations.personalData.delete")}
            </Link>
          ) : (
            <p>{t("invitations.personalData.notYet")}</p>
          )}
        </>
      )}
    </section>
  );
}
