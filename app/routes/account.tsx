import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { formatDate } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { replyWithFailure } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { deleteOwnAccount, getOwnAccount } from "~/modules/accounts/own-data.server";
import { flash } from "~/modules/accounts/session.server";
import { deleteAccountSchema } from "~/modules/privacy/forms";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("operations.account.title"));

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return getOwnAccount(db, member.userId);
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const submission = parseWithZod(await readFormData(request), { schema: deleteAccountSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const result = await deleteOwnAccount(db, member.userId);
  if (!result.ok) return data(await replyWithFailure(request, submission, result), { status: 400 });
  return redirect("/", { headers: await flash(request, { key: "operations.account.deleted" }) });
}

export default function Account() {
  const t = useT();
  const { account, memberships } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<{ confirm: string }>({ lastResult, shouldValidate: "onBlur" });
  return (
    <section className="page">
      <h1>{t("operations.account.title")}</h1>
      <p>{t("operations.account.intro")}</p>
      <ul>
        <li>{account.name}</li>
        <li>{account.email}</li>
        <li>{formatDate(t.locale, account.createdAt)}</li>
        {memberships.map((m) => (
          <li key={m.territory}>
            {m.territory} — {t(`roles.${m.role}`)}
          </li>
        ))}
      </ul>
      <p>
        <a href="/account/export" download>
          {t("operations.account.download")}
        </a>
      </p>
      <h2>{t("operations.account.deleteTitle")}</h2>
      <p>{t("operations.account.deleteBody")}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrorSummary errors={form.errors} />
        <TextField field={fields.confirm} label={t("operations.account.confirm")} autoComplete="off" />
        <button type="submit" className="danger">
          {t("operations.account.deleteButton")}
        </button>
      </Form>
    </section>
  );
}
