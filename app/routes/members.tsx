import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { SelectField, TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { replyWithFailure } from "~/lib/failure-reply.server";
import { formatDate, LOCALES } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { publicBaseUrl } from "~/lib/request.server";
import { changeRoleSchema, inviteMemberSchema } from "~/modules/accounts/forms";
import { requireMember } from "~/modules/accounts/guard.server";
import { changeMemberRole, inviteMember, listMembers, listPendingMemberInvitations } from "~/modules/accounts/members.server";
import { PERMISSIONS, ROLES } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { listAssociations } from "~/modules/projects/projects.server";
import { readFormData } from "~/lib/http/form-data.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.members"));

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageMembers);
  const [members, pending, associations] = await Promise.all([
    listMembers(db, member.territoryId),
    listPendingMemberInvitations(db, member.territoryId),
    listAssociations(db, member.territoryId),
  ]);
  return { members, pending, associations };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageMembers);
  const formData = await readFormData(request);
  if (formData.get("intent") === "changeRole") {
    const submission = parseWithZod(formData, { schema: changeRoleSchema });
    if (submission.status !== "success") return data({ form: "changeRole" as const, result: submission.reply() }, { status: 400 });
    const result = await changeMemberRole(db, member.territoryId, member.userId, submission.value.membershipId, submission.value.role);
    if (!result.ok) return data({ form: "changeRole" as const, result: await replyWithFailure(request, submission, result) }, { status: 400 });
    return redirect("/members", { headers: await flash(request, { key: "members.roleChanged" }) });
  }
  const submission = parseWithZod(formData, { schema: inviteMemberSchema });
  if (submission.status !== "success") return data({ form: "invite" as const, result: submission.reply() }, { status: 400 });
  const { associationId, ...input } = submission.value;
  const result = await inviteMember(db, member, { ...input, associationId: associationId || null }, publicBaseUrl(request));
  if (!result.ok) return data({ form: "invite" as const, result: await replyWithFailure(request, submission, result) }, { status: 400 });
  return redirect("/members", { headers: await flash(request, { key: "members.invited", params: { email: result.email } }) });
}

export default function Members() {
  const t = useT();
  const { members, pending, associations } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    id: "invite",
    lastResult: actionData?.form === "invite" ? actionData.result : undefined,
    defaultValue: { role: "association_member", language: "fr" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: inviteMemberSchema }),
  });
  const roleOptions = ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const roleError = actionData?.form === "changeRole" ? actionData.result.error?.[""] : undefined;
  return (
    <section className="page">
      <h1>{t("members.title")}</h1>
      <p className="muted">{t("members.intro")}</p>
      {roleError ? (
        <div className="error-summary" role="alert">
          {roleError.map((e) => t.dynamic(e)).join(" ")}
        </div>
      ) : null}
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t("members.name")}</th>
              <th scope="col">{t("members.email")}</th>
              <th scope="col">{t("members.association")}</th>
              <th scope="col">{t("members.role")}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>{m.displayName}</td>
                <td>{m.email}</td>
                <td>{m.associationName ?? "—"}</td>
                <td>
                  <Form method="post" className="actions">
                    <input type="hidden" name="intent" value="changeRole" />
                    <input type="hidden" name="membershipId" value={m.id} />
                    <label className="visually-hidden" htmlFor={`role-${m.id}`}>
                      {t("members.changeRole")} — {m.displayName}
                    </label>
                    <select id={`role-${m.id}`} name="role" defaultValue={m.role}>
                      {roleOptions.map((o) => (
                        <option key={o.value} value={o.value}>
                          {o.label}
                        </option>
                      ))}
                    </select>
                    <button type="submit" className="button--secondary">
                      {t("common.save")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {pending.length > 0 ? (
        <>
          <h2>{t("members.pending")}</h2>
          <ul>
            {pending.map((p) => (
              <li key={p.id}>
                {p.email} — {t(`roles.${p.role}`)} ({t("members.expires", { date: formatDate(t.locale, p.expiresAt) })})
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("members.inviteTitle")}</h2>
      <p className="muted">{t("members.inviteHint")}</p>
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="invite" />
        <TextField field={fields.email} label={t("members.email")} type="email" autoComplete="off" />
        <SelectField field={fields.role} label={t("members.role")} options={roleOptions} />
        <SelectField
          field={fields.associationId}
          label={`${t("members.association")} (${t("common.optional")})`}
          options={[{ value: "", label: t("members.noAssociation") }, ...associations.map((a) => ({ value: a.id, label: a.name }))]}
        />
        <SelectField field={fields.language} label={t("members.language")} hint={t("members.languageHint")} options={LOCALES.map((l) => ({ value: l, label: t(`invitations.email.languages.${l}`), lang: l }))} />
        <div className="actions">
          <button type="submit">{t("members.inviteSubmit")}</button>
        </div>
      </Form>
    </section>
  );
}
