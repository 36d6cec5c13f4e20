import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { formatDate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { deliverPendingEmails } from "~/modules/outbox/deliver.server";
import { isSmtpConfigured, listOutbox } from "~/modules/outbox/outbox.server";

export const meta: MetaFunction = () => [{ title: "Boîte d'envoi — Évaluation partagée" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.readOutbox);
  return { messages: await listOutbox(db, member.territoryId), smtp: isSmtpConfigured() };
}

/** Retries delivery of what is pending (after an SMTP outage, or once SMTP_URL is set). */
export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.readOutbox);
  const { sent, failed } = await deliverPendingEmails(db, member.territoryId);
  return redirect("/outbox", { headers: await flash(request, { key: "invitations.outbox.delivered", params: { sent, failed } }) });
}

export default function Outbox() {
  const t = useT();
  const { messages, smtp } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("outbox.title")}</h1>
      <p className="muted">{smtp ? t("outbox.introSmtp") : t("outbox.intro")}</p>
      {smtp && messages.some((m) => !m.sent_at && !m.error) ? (
        <Form method="post">
          <button type="submit">{t("invitations.outbox.deliver")}</button>
        </Form>
      ) : null}
      {messages.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="card" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <p className="muted">
            {t("outbox.to")}{t("typography.colon")}{m.to_address} · {t("outbox.createdAt")} {formatDate(t.locale, m.created_at, true)} · {t("outbox.status")}{t("typography.colon")}
            {m.error ? t("outbox.failed", { error: m.error }) : m.sent_at ? t("outbox.sent") : t("outbox.pending")}
          </p>
          <pre className="mail">{m.text_body}</pre>
        </article>
      ))}
    </section>
  );
}
