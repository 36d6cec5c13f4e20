import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { FindingSection } from "~/components/evaluation/finding-section";
import { AnswerForm, CommentThread, PositionForm, ReviewForm, type ReviewReply, TextForm } from "~/components/evaluation/review-forms";
import { db } from "~/db.server";
import { formatDate, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { translateFailure } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { ownedParam } from "~/lib/owned-param.server";
import { publicBaseUrl } from "~/lib/request.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { CAMPAIGN_READERS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { applyReviewForm } from "~/modules/review/apply-form.server";
import { parseReviewForm } from "~/modules/review/forms";
import { findingTexts } from "~/modules/review/finding-text";
import { getReviewPage } from "~/modules/review/review-page.server";
import evaluationStyles from "~/styles/evaluation.css";
import { FrenchText } from "~/components/french-text";
import { titleMeta } from "~/i18n/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evaluationStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, (t) => t("review.title", { title: data?.campaign.title ?? "" }));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, CAMPAIGN_READERS);
  return getReviewPage(db, member, params.campaignId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, CAMPAIGN_READERS);
  const campaignId = await ownedParam(member, params, "campaignId");
  const values: Record<string, string> = {};
  for (const [name, value] of await readFormData(request)) if (typeof value === "string") values[name] = value;
  const reply = (failure: Parameters<typeof translateFailure>[1]) => translateFailure(request, failure).then((errors): ReviewReply => ({ intent: values.intent ?? "", target: values.target ?? "", ...errors, values }));
  const parsed = parseReviewForm(values);
  if (!parsed.ok) return data(await reply(parsed), { status: 400 });
  const result = await applyReviewForm(db, member, campaignId, parsed.form, publicBaseUrl(request));
  if (!result.ok) return data(await reply(result), { status: 400 });
  return redirect(result.publishedPath ?? `/campaigns/${campaignId}/review`, { headers: await flash(request, { key: "review.saved" }) });
}

export default function ReviewPage() {
  const t = useT();
  const { campaign, labels, review, can, publicPath } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const groups = new Map(labels.groups.map((g) => [g.id, localized(t.locale, g.label)]));
  const day = (iso: string) => formatDate(t.locale, iso);
  const textOf = findingTexts(t, labels);
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${campaign.id}`}>← <FrenchText>{campaign.title}</FrenchText></Link>
      </p>
      <h1>{t("review.title", { title: campaign.title })}</h1>
      <p>{t("review.intro")}</p>
      {!review || !can ? (
        <p className="muted">{t("review.notYet")}</p>
      ) : (
        <>
          <p>
            <strong>{t("review.stateLine", { state: t.dynamic(`review.states.${review.evaluation.state}`) })}</strong>
          </p>
          {publicPath ? (
            <p>
              <a href={publicPath}>{t("review.publicLink")}</a>
            </p>
          ) : null}
          <div className="actions">
            {can.open ? <ReviewForm intent="open" target="" reply={reply} submit={t("review.openReview")} /> : null}
            {can.close ? <ReviewForm intent="close" target="" reply={reply} submit={t("review.closeReview")} /> : null}
            {can.publish ? (
              <ReviewForm intent="publish" target="" reply={reply} submit={t("review.publish")}>
                {() => <p className="hint">{t("review.publishHint")}</p>}
              </ReviewForm>
            ) : null}
          </div>
          <h2>{t("review.summary")}</h2>
          {can.editSummary ? (
            <TextForm intent="summary" target="" reply={reply} submit={t("review.saveSummary")} fields={[{ name: "summary", label: t("review.summary"), hint: t("review.summaryHint"), multiline: true, defaultValue: review.evaluation.summary }]} />
          ) : (
            <p>{review.evaluation.summary}</p>
          )}

          {can.invite || review.guests.length > 0 ? (
            <>
              <h2>{t("review.guests.title")}</h2>
              <p className="muted">{t("review.guests.intro")}</p>
              {review.guests.length === 0 ? (
                <p>{t("review.guests.none")}</p>
              ) : (
                <ul>
                  {review.guests.map((g) => (
                    <li key={g.id}>{t("review.guests.invitedOn", { label: g.label, date: day(g.invitedAt) })}</li>
                  ))}
                </ul>
              )}
              {can.invite ? (
                <TextForm
                  intent="invite"
                  target=""
                  reply={reply}
                  submit={t("review.guests.invite")}
                  fields={[
                    { name: "email", label: t("review.guests.email"), type: "email" },
                    { name: "label", label: t("review.guests.label"), hint: t("review.guests.labelHint") },
                  ]}
                />
              ) : null}
            </>
          ) : null}

          {review.carriedCommitments.length > 0 ? (
            <>
              <h2>{t("review.carried")}</h2>
              <p className="muted">{t("review.carriedHint")}</p>
              <ul>
                {review.carriedCommitments.map((c) => (
                  <li key={c.id}>
                    {t("review.promised")}{t("typography.colon")}{t("review.commitmentLine", { what: c.what, who: c.who })} — {t("review.done")}{t("typography.colon")}{c.outcome ?? t("review.notReported")}
                    {can.followUp ? <TextForm intent="outcome" target={c.id} reply={reply} submit={t("review.saveOutcome")} fields={[{ name: "outcome", label: t("review.outcome"), defaultValue: c.outcome ?? undefined }]} /> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          <h2>{t("review.findings")}</h2>
          {review.findings.map((f) => {
            const text = textOf(f);
            return (
              <FindingSection
                key={f.id}
                finding={f}
                text={text}
                k={campaign.k}
                groupLabel={(id) => groups.get(id) ?? id}
                formatDay={day}
                afterFigures={
                  can.edit ? (
                    <TextForm
                      intent="finding"
                      target={f.id}
                      reply={reply}
                      submit={t("review.saveFinding")}
                      fields={[
                        { name: "title", label: t("review.findingTitle"), defaultValue: text.title },
                        { name: "body", label: t("review.findingBody"), multiline: true, defaultValue: text.body },
                      ]}
                    />
                  ) : null
                }
                afterPositions={
                  <>
                    {can.takePosition ? <PositionForm findingId={f.id} reply={reply} mine={f.mine} /> : null}
                    <CommentThread findingId={f.id} comments={f.comments} reply={reply} canComment={can.comment} />
                  </>
                }
                afterAnswer={can.answer ? <AnswerForm findingId={f.id} reply={reply} answer={f.answer} commitments={f.commitments} /> : null}
              />
            );
          })}
        </>
      )}
    </section>
  );
}
