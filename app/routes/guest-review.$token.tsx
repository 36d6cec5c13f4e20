import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { FindingSection } from "~/components/evaluation/finding-section";
import { CommentThread, PositionForm, type ReviewReply } from "~/components/evaluation/review-forms";
import { db } from "~/db.server";
import { formatDate, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { translateFailure } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { findingTexts } from "~/modules/review/finding-text";
import { parseReviewForm } from "~/modules/review/forms";
import { applyGuestForm, getGuestReviewPage, guestReviewPath } from "~/modules/review/guests.server";
import evaluationStyles from "~/styles/evaluation.css";
import { titleMeta } from "~/i18n/meta";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: evaluationStyles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [...titleMeta(matches, (t) => t("review.guests.page.title", { title: data?.campaign.title ?? "" })), { name: "robots", content: "noindex" }];

/** A stakeholder invited by the council, without an account: the personal link is the access. */
export async function loader({ params }: LoaderFunctionArgs) {
  return getGuestReviewPage(db, params.token ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const values: Record<string, string> = {};
  for (const [name, value] of await readFormData(request)) if (typeof value === "string") values[name] = value;
  const reply = (failure: Parameters<typeof translateFailure>[1]) => translateFailure(request, failure).then((errors): ReviewReply => ({ intent: values.intent ?? "", target: values.target ?? "", ...errors, values }));
  const parsed = parseReviewForm(values);
  if (!parsed.ok) return data(await reply(parsed), { status: 400 });
  const result = await applyGuestForm(db, token, parsed.form);
  if (!result.ok) return data(await reply(result), { status: 400 });
  return redirect(guestReviewPath(token));
}

export default function GuestReview() {
  const t = useT();
  const { guest, campaign, labels, state, review } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const groups = new Map(labels.groups.map((g) => [g.id, localized(t.locale, g.label)]));
  const textOf = findingTexts(t, labels);
  const day = (iso: string) => formatDate(t.locale, iso);
  return (
    <section className="page">
      <h1>{t("review.guests.page.title", { title: campaign.title })}</h1>
      <p>{t("review.guests.page.intro", { label: guest.label })}</p>
      {!review ? (
        <p className="muted">{t("review.guests.page.notOpen")}</p>
      ) : (
        <>
          {state !== "review" ? <p className="muted">{t("review.guests.page.closed")}</p> : null}
          {review.summary ? (
            <>
              <h2>{t("review.summary")}</h2>
              <p>{review.summary}</p>
            </>
          ) : null}
          <h2>{t("review.findings")}</h2>
          {review.findings.map((f) => (
              <FindingSection
                key={f.id}
                finding={f}
                text={textOf(f)}
                k={campaign.k}
                groupLabel={(id) => groups.get(id) ?? id}
                formatDay={day}
                afterPositions={
                  <>
                    {state === "review" ? <PositionForm findingId={f.id} reply={reply} mine={f.mine} /> : null}
                    <CommentThread findingId={f.id} comments={f.comments} reply={reply} canComment={state === "review"} />
                  </>
                }
              />
          ))}
        </>
      )}
    </section>
  );
}
