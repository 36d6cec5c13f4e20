import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { formatDate, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { translateFailure } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { requireWorkshopRunner, loadForWorkshopRunner } from "~/lib/workshop-runner.server";
import { PlainSelect } from "~/components/form/plain-select";
import { workshopFormSchema } from "~/modules/workshops/workshop-form";
import { createWorkshop, listCampaignWorkshops } from "~/modules/workshops/workshops.server";
import { FrenchText } from "~/components/french-text";

export const meta: MetaFunction = () => [{ title: "Ateliers — Évaluation partagée" }];

export async function loader(args: LoaderFunctionArgs) {
  return loadForWorkshopRunner(args, listCampaignWorkshops, "campaignId");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireWorkshopRunner(request);
  const form = await readFormData(request);
  const typed = { heldOn: form.get("heldOn"), place: form.get("place"), projectId: form.get("projectId"), groupIds: form.getAll("groupIds"), indicatorIds: form.getAll("indicatorIds") };
  const parsed = workshopFormSchema.safeParse(typed);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), [i.message]]));
    return { typed: echo(form), fieldErrors, formErrors: [] as string[] };
  }
  const created = await createWorkshop(db, member.territoryId, params.campaignId ?? "", parsed.data);
  if (!created.ok) return { typed: echo(form), ...(await translateFailure(request, created)) };
  throw redirect(`/workshops/${created.id}`);
}

/** What was typed, to fill the form again. */
function echo(form: FormData) {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const list = (name: string) => form.getAll(name).filter((v): v is string => typeof v === "string");
  return { heldOn: text("heldOn"), place: text("place"), projectId: text("projectId"), groupIds: list("groupIds"), indicatorIds: list("indicatorIds") };
}

export default function CampaignWorkshops() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const typed = reply?.typed;
  const errorOf = (field: string) => {
    const messages: string[] = reply?.fieldErrors[field] ?? [];
    return messages.length > 0 ? (
      <p className="field-error" id={`${field}-error`}>
        {messages.map((m) => t.dynamic(m)).join(" ")}
      </p>
    ) : null;
  };
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${data.campaign.id}`}>← <FrenchText>{data.campaign.title}</FrenchText></Link>
      </p>
      <h1>{t("workshops.title", { title: data.campaign.title })}</h1>
      <p className="muted">{t("workshops.intro")}</p>
      {data.workshops.length === 0 ? (
        <p>{t("workshops.none")}</p>
      ) : (
        <ul className="stack" data-testid="workshops">
          {data.workshops.map((w) => (
            <li key={w.id}>
              <Link to={`/workshops/${w.id}`}>
                {formatDate(t.locale, w.heldOn)} — {w.place} — {w.projectName}
              </Link>{" "}
              ({t("workshops.joinCode")} <strong>{w.joinCode}</strong>)
            </li>
          ))}
        </ul>
      )}
      <h2>{t("workshops.newTitle")}</h2>
      {!data.isOpen ? (
        <p className="muted">{t("workshops.notOpen")}</p>
      ) : (
        <Form method="post" className="stack" noValidate>
          {reply?.formErrors.length ? (
            <p className="field-error" role="alert">
              {reply.formErrors.map((m) => t.dynamic(m)).join(" ")}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="heldOn">{t("workshops.heldOn")}</label>
            {errorOf("heldOn")}
            <input id="heldOn" name="heldOn" type="date" defaultValue={typed?.heldOn} required />
          </div>
          <div className="field">
            <label htmlFor="place">{t("workshops.place")}</label>
            {errorOf("place")}
            <input id="place" name="place" type="text" defaultValue={typed?.place} maxLength={200} required />
          </div>
          <PlainSelect id="projectId" label={t("workshops.project")} error={errorOf("projectId")} defaultValue={typed?.projectId} options={data.projects.map((p) => ({ value: p.id, label: p.name }))} />
          <fieldset>
            <legend>{t("workshops.groups")}</legend>
            {errorOf("groupIds")}
            {data.groups.map((g) => (
              <label key={g.id} className="choice">
                <input type="checkbox" name="groupIds" value={g.id} defaultChecked={typed ? typed.groupIds.includes(g.id) : true} /> {localized(t.locale, g.label)}
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>{t("workshops.indicators")}</legend>
            <p className="hint">{t("workshops.indicatorsHint")}</p>
            {errorOf("indicatorIds")}
            {data.indicators.map((i) => (
              <label key={i.id} className="choice">
                <input type="checkbox" name="indicatorIds" value={i.id} defaultChecked={typed?.indicatorIds.includes(i.id)} /> {localized(t.locale, i.label)}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="submit">{t("workshops.create")}</button>
          </div>
        </Form>
      )}
    </section>
  );
}
