import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { safeRedirect, signInSchema } from "~/modules/accounts/forms";
import { getMember } from "~/modules/accounts/guard.server";
import { startUserSession } from "~/modules/accounts/session.server";
import { authenticate } from "~/modules/accounts/sign-in.server";

export const meta: MetaFunction = () => [{ title: "Connexion — Évaluation partagée" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getMember(request)) throw redirect("/dashboard");
  const url = new URL(request.url);
  return json({ redirectTo: url.searchParams.get("redirectTo") ?? "", signedOut: url.searchParams.has("signedOut") });
}

export async function action({ request }: ActionFunctionArgs) {
  const submission = parseWithZod(await request.formData(), { schema: signInSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const user = await authenticate(db, submission.value.email, submission.value.password);
  if (!user) return json(submission.reply({ formErrors: ["auth.invalid"], hideFields: ["password"] }), { status: 400 });
  return startUserSession(db, request, user.userId, user.territoryId, safeRedirect(submission.value.redirectTo));
}

export default function Login() {
  const t = useT();
  const { redirectTo, signedOut } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldValidate: "onBlur", onValidate: ({ formData }) => parseWithZod(formData, { schema: signInSchema }) });
  return (
    <section className="page narrow">
      <h1>{t("auth.title")}</h1>
      {signedOut ? <p role="status">{t("auth.signedOut")}</p> : null}
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
    </section>
  );
}
