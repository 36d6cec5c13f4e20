import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { replyWithFailure } from "~/lib/failure-reply.server";
import { followLinkLanguage } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { acceptInvitationSchema } from "~/modules/accounts/forms";
import { acceptMemberInvitation, findMemberInvitation } from "~/modules/accounts/members.server";
import { startUserSession } from "~/modules/accounts/session.server";
import { readFormData } from "~/lib/http/form-data.server";
import { routeParam } from "~/lib/route-params";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.memberInvitation"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  await followLinkLanguage(request);
  const invitation = await findMemberInvitation(db, routeParam(params, "token"));
  if (!invitation) throw new Response("Not found", { status: 404 });
  return { territoryName: invitation.territoryName, role: invitation.role, email: invitation.email, hasAccount: Boolean(invitation.existingUserId) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: acceptInvitationSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await acceptMemberInvitation(db, routeParam(params, "token"), submission.value);
  if (!result.ok) return data(await replyWithFailure(request, submission, result, { hideFields: ["password"] }), { status: 400 });
  return startUserSession(db, request, result.userId, result.territoryId, "/dashboard");
}

export default function AcceptInvitation() {
  const t = useT();
  const { territoryName, role, email, hasAccount } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm({ lastResult, shouldValidate: "onBlur", onValidate: ({ formData }) => parseWithZod(formData, { schema: acceptInvitationSchema }) });
  return (
    <section className="page narrow">
      <h1>{t("auth.acceptTitle", { territory: territoryName })}</h1>
      <p>{t("auth.acceptIntro", { role: t(`roles.${role}`) })}</p>
      {hasAccount ? <p className="warning">{t("auth.existingAccount")}</p> : null}
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <p>
          {t("auth.email")}{t("typography.colon")}<strong>{email}</strong>
        </p>
        <TextField field={fields.displayName} label={t("auth.displayName")} autoComplete="name" />
        <TextField field={fields.password} label={t("auth.newPassword")} type="password" autoComplete="new-password" />
        <div className="actions">
          <button type="submit">{t("auth.acceptSubmit")}</button>
        </div>
      </Form>
    </section>
  );
}
