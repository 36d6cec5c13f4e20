import { getFormProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TextField } from "~/components/form/fields";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { readFormData } from "~/lib/http/form-data.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { personEmailSchema } from "~/modules/privacy/forms";
import { erasePersonData, summarizePersonData } from "~/modules/privacy/person.server";

export const meta: MetaFunction = () => [{ title: "Données d'une personne — Évaluation partagée" }];

/** ?email= looks the address up (a GET: it changes nothing); the page shows counts only. */
export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  const parsed = personEmailSchema.safeParse({ email: new URL(request.url).searchParams.get("email") ?? undefined });
  if (!parsed.success) return { email: null, summary: null };
  return { email: parsed.data.email, summary: await summarizePersonData(db, member.territoryId, parsed.data.email) };
}

export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  const submission = parseWithZod(await readFormData(request), { schema: personEmailSchema });
  if (submission.status !== "success") return data(submission.reply(), { status: 400 });
  const erased = await erasePersonData(db, member, submission.value.email);
  return redirect("/personal-data", { headers: await flash(request, { key: "operations.person.erased", params: { invitations: erased.invitations } }) });
}

export default function PersonalData() {
  const t = useT();
  const { email, summary } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [search, searchFields] = useForm({ id: "search", defaultValue: { email: email ?? "" } });
  const [erase] = useForm({ id: "erase", lastResult });
  const holdsSomething = summary && (summary.invitations > 0 || summary.emails > 0 || summary.subscriptions > 0 || summary.optedOut);
  return (
    <section className="page">
      <h1>{t("operations.person.title")}</h1>
      <p>{t("operations.person.intro")}</p>
      <Form method="get" {...getFormProps(search)}>
        <TextField field={searchFields.email} label={t("operations.person.email")} type="email" autoComplete="off" />
        <button type="submit">{t("operations.person.search")}</button>
      </Form>
      {summary && email ? (
        holdsSomething ? (
          <>
            <p>
              {t("operations.person.found", {
                invitations: summary.invitations,
                emails: summary.emails,
                subscriptions: summary.subscriptions,
                optedOut: summary.optedOut ? t("operations.person.yes") : t("operations.person.no"),
              })}
            </p>
            <p>
              <a href={`/personal-data/export?${new URLSearchParams({ email })}`} download>
                {t("operations.person.export")}
              </a>
            </p>
            <p>{t("operations.person.eraseBody")}</p>
            <Form method="post" {...getFormProps(erase)}>
              <input type="hidden" name="email" value={email} />
              <button type="submit" className="danger">
                {t("operations.person.erase")}
              </button>
            </Form>
          </>
        ) : (
          <p>{t("operations.person.nothing")}</p>
        )
      ) : null}
    </section>
  );
}
