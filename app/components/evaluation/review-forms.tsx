import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { formatDate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";

/** What a refused review form sends back: which form, its messages and what was typed. */
export type ReviewReply = { intent: string; target: string; fieldErrors: Record<string, string[]>; formErrors: string[]; values: Record<string, string> };

function Field({ id, name, label, hint, reply, multiline, type = "text", required, defaultValue }: { id: string; name: string; label: string; hint?: string; reply: ReviewReply | null; multiline?: boolean; type?: string; required?: boolean; defaultValue?: string }) {
  const t = useT();
  const errors = (reply?.fieldErrors[name] ?? []).map((e) => t.dynamic(e));
  const describedBy = [hint ? `${id}-hint` : null, errors.length > 0 ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const value = reply?.values[name] ?? defaultValue ?? "";
  const common = { id, name, "aria-describedby": describedBy, "aria-invalid": errors.length > 0 || undefined, required, defaultValue: value };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea rows={3} {...common} /> : <input type={type} {...common} />}
      {errors.length > 0 ? (
        <p className="field-error" id={`${id}-error`}>
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}

/** One small form of the review page; its reply is shown only in the form that was sent. */
export function ReviewForm({ intent, target, reply, submit, children, extra }: { intent: string; target: string; reply: ReviewReply | undefined; submit: string; children?: (mine: ReviewReply | null) => ReactNode; extra?: Record<string, string> }) {
  const t = useT();
  const mine = reply && reply.intent === intent && reply.target === target ? reply : null;
  return (
    <Form method="post" className="stack" preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="target" value={target} />
      {Object.entries(extra ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {mine && mine.formErrors.length > 0 ? (
        <div role="alert" className="form-errors">
          {mine.formErrors.map((e) => (
            <p key={e}>{t.dynamic(e)}</p>
          ))}
        </div>
      ) : null}
      {children?.(mine)}
      <div className="actions">
        <button type="submit">{submit}</button>
      </div>
    </Form>
  );
}

export function PositionForm({ findingId, reply, mine }: { findingId: string; reply: ReviewReply | undefined; mine: { position: string; reason: string; rewording: string | null } | null }) {
  const t = useT();
  return (
    <ReviewForm intent="position" target={findingId} reply={reply} submit={t("review.submitPosition")}>
      {(r) => {
        const chosen = r?.values.position ?? mine?.position;
        const errors = (r?.fieldErrors.position ?? []).map((e) => t.dynamic(e));
        return (
          <>
            <fieldset aria-describedby={errors.length > 0 ? `position-${findingId}-error` : undefined}>
              <legend>{t("review.yourPosition")}</legend>
              {(["agree", "nuance", "disagree"] as const).map((p) => (
                <label key={p} className="choice">
                  <input type="radio" name="position" value={p} defaultChecked={chosen === p} /> {t(`review.position.${p}`)}
                </label>
              ))}
              {errors.length > 0 ? (
                <p className="field-error" id={`position-${findingId}-error`}>
                  {errors.join(" ")}
                </p>
              ) : null}
            </fieldset>
            <Field id={`reason-${findingId}`} name="reason" label={t("review.reason")} hint={t("review.reasonHint")} reply={r} multiline required defaultValue={mine?.reason} />
            <Field id={`rewording-${findingId}`} name="rewording" label={t("review.rewording")} reply={r} multiline defaultValue={mine?.rewording ?? undefined} />
          </>
        );
      }}
    </ReviewForm>
  );
}

export function AnswerForm({ findingId, reply, answer, commitments }: { findingId: string; reply: ReviewReply | undefined; answer: { response: string } | null; commitments: readonly { what: string; who: string; dueOn: string | null }[] }) {
  const t = useT();
  return (
    <ReviewForm intent="answer" target={findingId} reply={reply} submit={t("review.saveAnswer")}>
      {(r) => (
        <>
          <Field id={`response-${findingId}`} name="response" label={t("review.response")} reply={r} multiline required defaultValue={answer?.response} />
          {[0, 1].map((index) => (
            <fieldset key={index}>
              <legend>
                {t("review.commitments")} {index + 1}
              </legend>
              <Field id={`what-${findingId}-${index}`} name={`what${index}`} label={t("review.commitmentWhat")} reply={r} defaultValue={commitments[index]?.what} />
              <Field id={`who-${findingId}-${index}`} name={`who${index}`} label={t("review.commitmentWho")} reply={r} defaultValue={commitments[index]?.who} />
              <Field id={`due-${findingId}-${index}`} name={`due${index}`} label={t("review.commitmentDue")} reply={r} type="date" defaultValue={commitments[index]?.dueOn ?? undefined} />
            </fieldset>
          ))}
        </>
      )}
    </ReviewForm>
  );
}

export function TextForm({ intent, target, reply, submit, fields }: { intent: string; target: string; reply: ReviewReply | undefined; submit: string; fields: { name: string; label: string; hint?: string; multiline?: boolean; type?: string; defaultValue?: string }[] }) {
  return (
    <ReviewForm intent={intent} target={target} reply={reply} submit={submit}>
      {(r) => fields.map((f) => <Field key={f.name} id={`${intent}-${f.name}-${target}`} name={f.name} label={f.label} hint={f.hint} reply={r} multiline={f.multiline} type={f.type} defaultValue={f.defaultValue} />)}
    </ReviewForm>
  );
}

type Comment = { id: string; person?: string | null; guest: string | null; body: string; createdAt: string };

/** A finding's comments, each named by its author (a member's name, an invited stakeholder's label), and the form to add one. */
export function CommentThread({ findingId, comments, reply, canComment }: { findingId: string; comments: readonly Comment[]; reply: ReviewReply | undefined; canComment: boolean }) {
  const t = useT();
  return (
    <>
      {comments.length > 0 ? (
        <>
          <h4>{t("review.comments")}</h4>
          <ul>
            {comments.map((c) => (
              <li key={c.id}>
                {c.guest !== null ? t("review.guestAuthor", { label: c.guest }) : (c.person ?? "")} — {formatDate(t.locale, c.createdAt, true)}{t("typography.colon")}{c.body}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {canComment ? <TextForm intent="comment" target={findingId} reply={reply} submit={t("review.addComment")} fields={[{ name: "body", label: t("review.comment"), multiline: true }]} /> : null}
    </>
  );
}
