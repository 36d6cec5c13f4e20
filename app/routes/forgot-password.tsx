import { useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { SingleFieldForm } from "~/components/form/single-field-form";
import { db } from "~/db.server";
import { createTranslator } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { readFormData } from "~/lib/http/form-data.server";
import { publicBaseUrl } from "~/lib/request.server";
import { forgotPasswordSchema } from "~/modules/accounts/forms";
import { requestPasswordReset } from "~/modules/accounts/password-reset.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.forgotPassword"));

// A throttled request says when to come back in the page's own headers too.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: forgotPasswordSchema });
  if (submission.status !== "success") return data({ reply: submission.reply(), sent: false }, { status: 400 });
  const locale = await getLocale(request);
  const result = await requestPasswordReset(db, submission.value.email, context.clientIp ?? "", publicBaseUrl(request), locale);
  if (result.status === "throttled") {
    const message = createTranslator(locale).plural("security.tooManyAttempts", result.waitMinutes);
    return data({ reply: submission.reply({ formErrors: [message] }), sent: false }, { status: 429, headers: { "Retry-After": String(result.waitMinutes * 60) } });
  }
  return data({ reply: submission.reply({ resetForm: true }), sent: true });
}

export default function ForgotPassword() {
  const t = useT();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult: actionData?.reply, shouldValidate: "onBlur", onValidate: ({ formData }) => parseWithZod(formData, { schema: forgotPasswordSchema }) });
  return (
    <section className="page narrow">
      <h1>{t("passwordReset.forgotTitle")}</h1>
      {actionData?.sent ? (
        <p role="status" className="notice">
          {t("passwordReset.sent")}
        </p>
      ) : (
        <p className="muted">{t("passwordReset.forgotIntro")}</p>
      )}
      <SingleFieldForm form={form} field={fields.email} label={t("auth.email")} type="email" autoComplete="email" submit={t("passwordReset.forgotSubmit")} />
      <p>
        <Link to="/login">{t("passwordReset.backToSignIn")}</Link>
      </p>
    </section>
  );
}
