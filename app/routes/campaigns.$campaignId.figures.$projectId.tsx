import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { FormErrorSummary } from "~/components/form/fields";
import { db } from "~/db.server";
import { formatDate, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { translateFailure } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { requireMember } from "~/modules/accounts/guard.server";
import { flash } from "~/modules/accounts/session.server";
import { NOTE_MAX_LENGTH, noteField, valueField } from "~/modules/results/figure-form";
import { getFigureForm, saveReportedFigures } from "~/modules/results/reported-figures.server";

export const meta: MetaFunction = () => [{ title: "Chiffres déclarés — Évaluation partagée" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  return await getFigureForm(db, member, params.campaignId ?? "", params.projectId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request);
  const form = await readFormData(request);
  const campaignId = params.campaignId ?? "";
  const result = await saveReportedFigures(db, member, campaignId, params.projectId ?? "", form);
  if (!result.ok) return data({ typed: result.typed, ...(await translateFailure(request, result)) }, { status: 400 });
  return redirect(`/campaigns/${campaignId}/results`, { headers: await flash(request, { key: "figures.saved" }) });
}

export default function ReportedFigures() {
  const t = useT();
  const { campaign, project, editable, figures } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const typed = (name: string, stored: string) => refused?.typed[name] ?? stored;
  const errorsOf = (name: string) => (refused?.fieldErrors[name] ?? []).map((message) => t.dynamic(message));
  const hasFieldErrors = refused ? Object.keys(refused.fieldErrors).length > 0 : false;
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${campaign.id}/results`}>{t("figures.backToResults")}</Link>
      </p>
      <h1>{t("figures.title", { project: project.name })}</h1>
      <p className="muted" lang="fr">
        {campaign.title}
      </p>
      <p>{t("figures.intro")}</p>
      {!editable ? (
        <p className="flash" role="status">
          {t("figures.frozen")}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate>
        <FormErrorSummary errors={[...(refused?.formErrors ?? []), ...(hasFieldErrors ? [t("figures.errors.summary")] : [])]} />
        {figures.map((f) => {
          const value = valueField(f.indicatorId);
          const note = noteField(f.indicatorId);
          const valueErrors = errorsOf(value);
          const noteErrors = errorsOf(note);
          return (
            <fieldset key={f.indicatorId} className="field" disabled={!editable}>
              <legend>{localized(t.locale, f.label)}</legend>
              <p className="hint" id={`${value}-hint`}>
                {localized(t.locale, f.question)}
                {f.enteredBy && f.enteredAt ? ` — ${t("figures.lastEntry", { who: f.enteredBy, when: formatDate(t.locale, f.enteredAt, true) })}` : ""}
              </p>
              <label htmlFor={value}>{t("figures.value", { unit: localized(t.locale, f.unit) })}</label>
              <input
                id={value}
                name={value}
                inputMode="decimal"
                defaultValue={typed(value, f.value === null ? "" : String(f.value).replace(".", t.locale === "fr" ? "," : "."))}
                aria-invalid={valueErrors.length > 0 || undefined}
                aria-describedby={[`${value}-hint`, valueErrors.length > 0 ? `${value}-error` : ""].filter(Boolean).join(" ")}
              />
              {valueErrors.length > 0 ? (
                <p id={`${value}-error`} className="field-error">
                  {valueErrors.join(" ")}
                </p>
              ) : null}
              <label htmlFor={note}>{t("figures.note")}</label>
              <input
                id={note}
                name={note}
                maxLength={NOTE_MAX_LENGTH}
                defaultValue={typed(note, f.sourceNote ?? "")}
                aria-invalid={noteErrors.length > 0 || undefined}
                aria-describedby={noteErrors.length > 0 ? `${note}-error` : undefined}
              />
              {noteErrors.length > 0 ? (
                <p id={`${note}-error`} className="field-error">
                  {noteErrors.join(" ")}
                </p>
              ) : null}
            </fieldset>
          );
        })}
        {editable ? (
          <div className="actions">
            <button type="submit">{t("figures.save")}</button>
          </div>
        ) : null}
      </Form>
    </section>
  );
}
