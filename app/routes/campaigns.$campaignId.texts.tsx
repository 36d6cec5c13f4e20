import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { translateFailure } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { ownedParam } from "~/lib/owned-param.server";
import { COUNCIL_EDITORS } from "~/modules/accounts/roles";
import { requireMember } from "~/modules/accounts/guard.server";
import { flash } from "~/modules/accounts/session.server";
import { fieldFailure } from "~/modules/failure";
import { getTextModerationPage, moderateTextAnswer } from "~/modules/results/free-texts.server";
import { textModerationFormSchema } from "~/modules/results/text-moderation";
import { titleMeta } from "~/i18n/meta";
import { ModerationActions } from "~/components/moderation-actions";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.writtenAnswers"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  return await getTextModerationPage(db, member.territoryId, params.campaignId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  const campaignId = await ownedParam(member, params, "campaignId");
  const form = await readFormData(request);
  const typed = { answerKey: String(form.get("answerKey") ?? ""), decision: String(form.get("decision") ?? ""), text: String(form.get("text") ?? "") };
  const parsed = textModerationFormSchema.safeParse(typed);
  // The key and the decision come from the page's own buttons: anything else is not a form a person filled.
  if (!parsed.success && parsed.error.issues.some((i) => i.path[0] !== "text")) throw new Response("Bad request", { status: 400 });
  const result = parsed.success ? await moderateTextAnswer(db, member.territoryId, campaignId, parsed.data) : fieldFailure("text", parsed.error.issues[0]?.message ?? "texts.errors.tooLong");
  if (!result.ok) return data({ answerKey: typed.answerKey, text: typed.text, ...(await translateFailure(request, result)) }, { status: 400 });
  return redirect(`/campaigns/${campaignId}/texts`, { headers: await flash(request, { key: "texts.saved" }) });
}

export default function TextModeration() {
  const t = useT();
  const page = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  if (!page.available) {
    return (
      <section className="page">
        <h1>{t("texts.title", { title: page.campaign.title })}</h1>
        <p>{t("texts.notYet")}</p>
      </section>
    );
  }
  const name = (list: readonly { id: string; label: { fr: string; en: string } }[], id: string) => {
    const found = list.find((x) => x.id === id);
    return found ? localized(t.locale, found.label) : id;
  };
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${page.campaign.id}/results`}>{t("results.backToOverview")}</Link>
      </p>
      <h1>{t("texts.title", { title: page.campaign.title })}</h1>
      <p>{t("texts.intro")}</p>
      {page.withheld ? <p className="muted">{t("texts.withheld", { threshold: page.threshold })}</p> : null}
      {page.texts.length === 0 ? <p className="muted">{t("texts.none")}</p> : null}
      {page.indicators.map((indicator) => {
        const inIndicator = page.texts.filter((x) => x.indicatorId === indicator.id);
        if (inIndicator.length === 0) return null;
        return (
          <section key={indicator.id} aria-labelledby={`i-${indicator.id}`}>
            <h2 id={`i-${indicator.id}`}>{localized(t.locale, indicator.label)}</h2>
            <p className="muted">{t("typography.quoted", { text: localized(t.locale, indicator.question) })}</p>
            <ul className="stack">
              {inIndicator.map((text) => {
                const error = refused?.answerKey === text.answerKey ? (refused.fieldErrors.text ?? []).map((message) => t.dynamic(message)).join(" ") : "";
                const field = `text-${text.answerKey.slice(0, 16)}`;
                return (
                  <li key={text.answerKey} data-testid="written-answer">
                    <p>
                      <span className="badge">{t(`texts.status.${text.status}`)}</span>{" "}
                      {t("texts.context", { project: page.projects.find((p) => p.id === text.projectId)?.name ?? "", group: name(page.groups, text.groupId) })}
                    </p>
                    <blockquote>{text.text}</blockquote>
                    <Form method="post" className="stack">
                      <input type="hidden" name="answerKey" value={text.answerKey} />
                      <div className="field">
                        <label htmlFor={field}>{t("texts.rewrite")}</label>
                        <textarea
                          id={field}
                          name="text"
                          rows={3}
                          maxLength={4000}
                          defaultValue={error ? refused?.text : text.text}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${field}-error` : undefined}
                        />
                        {error ? (
                          <p id={`${field}-error`} className="field-error">
                            {error}
                          </p>
                        ) : null}
                      </div>
                      <ModerationActions labels={{ approve: t("texts.approve"), anonymise: t("texts.anonymise"), reject: t("texts.reject") }} />
                    </Form>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </section>
  );
}
