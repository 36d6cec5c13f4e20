import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { safeRedirect, signInSchema } from "~/modules/accounts/forms";
import { getMember } from "~/modules/accounts/guard.server";
import { startUserSession } from "~/modules/accounts/session.server";
import { signIn } from "~/modules/accounts/sign-in.server";
import { createTranslator } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { readFormData } from "~/lib/http/form-data.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.login"));

// A throttled sign-in says when to come back in the page's own headers too.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getMember(request)) throw redirect("/dashboard");
  const url = new URL(request.url);
  return { redirectTo: url.searchParams.get("redirectTo") ?? "", signedOut: url.searchParams.has("signedOut"), passwordReset: url.searchParams.has("passwordReset") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: signInSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await signIn(db, submission.value.email, submission.value.password, context.clientIp ?? "");
  if (result.status === "throttled") {
    const message = createTranslator(await getLocale(request)).plural("security.tooManyAttempts", result.waitMinutes);
    return data(submission.reply({ formErrors: [message], hideFields: ["password"] }), { status: 429, headers: { "Retry-After": String(result.waitMinutes * 60) } });
  }
  if (result.status === "invalid") return data(submission.reply({ formErrors: ["auth.invalid"], hideFields: ["password"] }), { status: 400 });
  return startUserSession(db, request, result.userId, result.territoryId, safeRedirect(submission.value.redirectTo));
}

export default function Login() {
  const t = useT();
  const { redirectTo, signedOut, passwordReset } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldValidate: "onBlur", onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }) });
  return (
    <section className="page narrow">
      <h1>{t("auth.title")}</h1>
      {signedOut ? <p role="status">{t("auth.signedOut")}</p> : null}
      {passwordReset ? <p role="status">{t("passwordReset.done")}</p> : null}
      <p className="muted">{t("auth.intro")}</p>
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField field={fields.email} label={t("auth.email")} type="email" autoComplete="email" />
        <TextField field={fields.password} label={t("auth.password")} type="password" autoComplete="current-password" />
        <div className="actions">
          <button type="submit">{t("auth.submit")}</button>
        </div>
      </Form>
      <p>
        <Link to="/forgot-password">{t("passwordReset.forgotLink")}</Link>
      </p>
    </section>
  );
}
