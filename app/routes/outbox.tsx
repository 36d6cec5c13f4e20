import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/db.server";
import { formatDate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { readFormData } from "~/lib/http/form-data.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { isSmtpConfigured, listOutbox, requeueMessage } from "~/modules/outbox/outbox.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.outbox"));

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.readOutbox);
  return { messages: await listOutbox(db, member.territoryId), smtp: isSmtpConfigured() };
}

const requeueSchema = z.object({ messageId: z.string().min(1).max(100) });

/** Sends again one message that failed for good or was interrupted; the worker does the sending. */
export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.readOutbox);
  const parsed = requeueSchema.safeParse(Object.fromEntries(await readFormData(request)));
  const done = parsed.success && (await requeueMessage(db, member.territoryId, parsed.data.messageId));
  return redirect("/outbox", { headers: await flash(request, { key: done ? "operations.outbox.requeued" : "operations.outbox.notRequeued" }) });
}

type Message = Awaited<ReturnType<typeof loader>>["messages"][number];

function StatusText({ message: m }: { message: Message }) {
  const t = useT();
  const error = m.error ?? "";
  switch (m.status) {
    case "sent":
      return <>{t("operations.outbox.sent", { date: formatDate(t.locale, m.sentAt ?? m.createdAt, true) })}</>;
    case "sending":
      return <>{t("operations.outbox.sending")}</>;
    case "failed":
      return <>{t("operations.outbox.failed", { attempts: m.attempts, error })}</>;
    case "uncertain":
      return <>{t("operations.outbox.uncertain")}</>;
    default:
      return m.nextAttemptAt ? <>{t("operations.outbox.retrying", { date: formatDate(t.locale, m.nextAttemptAt, true), attempts: m.attempts, error })}</> : <>{t("operations.outbox.pending")}</>;
  }
}

export default function Outbox() {
  const t = useT();
  const { messages, smtp } = useLoaderData<typeof loader>();
  return (
    <section className="page">
      <h1>{t("outbox.title")}</h1>
      <p className="muted">{smtp ? `${t("outbox.introSmtp")} ${t("operations.outbox.introQueue")}` : t("outbox.intro")}</p>
      <p>
        <a href="/personal-data">{t("operations.person.title")}</a>
      </p>
      {messages.length === 0 ? <p>{t("outbox.empty")}</p> : null}
      {messages.map((m) => (
        <article key={m.id} className="card" aria-labelledby={`mail-${m.id}`}>
          <h2 id={`mail-${m.id}`}>{m.subject}</h2>
          <p className="muted">
            {t("outbox.to")}{t("typography.colon")}{m.toAddress} · {t("outbox.createdAt")} {formatDate(t.locale, m.createdAt, true)} · {t("outbox.status")}{t("typography.colon")}<StatusText message={m} />
          </p>
          {smtp && (m.status === "failed" || m.status === "uncertain") ? (
            <Form method="post">
              <input type="hidden" name="messageId" value={m.id} />
              <button type="submit">{t("operations.outbox.requeue")}</button>
            </Form>
          ) : null}
          <pre className="mail">{m.textBody}</pre>
        </article>
      ))}
    </section>
  );
}
