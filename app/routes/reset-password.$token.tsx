import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SingleFieldForm } from "~/components/form/single-field-form";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { replyWithFailure } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { resetPasswordSchema } from "~/modules/accounts/forms";
import { isResetLinkUsable, resetPassword } from "~/modules/accounts/password-reset.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.resetPassword"));

function tokenOf(params: LoaderFunctionArgs["params"]): string {
  if (!params.token) throw new Response("Not found", { status: 404 });
  return params.token;
}

export async function loader({ params }: LoaderFunctionArgs) {
  return { usable: await isResetLinkUsable(db, tokenOf(params)) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: resetPasswordSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await resetPassword(db, tokenOf(params), submission.value.password);
  if (!result.ok) return data(await replyWithFailure(request, submission, result, { hideFields: ["password"] }), { status: 400 });
  return redirect("/login?passwordReset=1");
}

export default function ResetPassword() {
  const t = useT();
  const { usable } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldValidate: "onBlur", onValidate: ({ formData }) => parseWithZod(formData, { schema: resetPasswordSchema }) });
  if (!usable && !lastResult) {
    return (
      <section className="page narrow">
        <h1>{t("passwordReset.resetTitle")}</h1>
        <p>{t("passwordReset.linkUnusable")}</p>
        <p>
          <Link to="/forgot-password">{t("passwordReset.askAgain")}</Link>
        </p>
      </section>
    );
  }
  return (
    <section className="page narrow">
      <h1>{t("passwordReset.resetTitle")}</h1>
      <p className="muted">{t("passwordReset.resetIntro")}</p>
      <SingleFieldForm form={form} field={fields.password} label={t("auth.newPassword")} type="password" autoComplete="new-password" submit={t("passwordReset.resetSubmit")} />
    </section>
  );
}
