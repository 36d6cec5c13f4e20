import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { FormErrorSummary, SelectField, TextField } from "../form/fields";
import { localized } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";
import { addOpenLinkSchema, addPersonSchema, paperSchema } from "../../modules/invitations/forms";

// The invitations page's forms. Each is a real POST form that works without JavaScript; a
// rejected one comes back filled in with a French message per field.

type Group = { id: string; label: { fr: string; en: string } };
type Place = { groups: Group[]; neighbourhoods: string[] };
type ActionData = { form: string; result?: SubmissionResult<string[]> } | undefined;
type Props = Place & { actionData: ActionData };

function resultFor(actionData: ActionData, form: string) {
  return actionData?.form === form ? actionData.result : undefined;
}

function PlaceFields({ groups, neighbourhoods, fields }: Place & { fields: { groupId: Parameters<typeof SelectField>[0]["field"]; neighbourhood: Parameters<typeof SelectField>[0]["field"] } }) {
  const t = useT();
  return (
    <>
      <SelectField field={fields.groupId} label={t("invitations.group")} options={groups.map((g) => ({ value: g.id, label: localized(t.locale, g.label) }))} />
      {neighbourhoods.length > 0 ? (
        <SelectField
          field={fields.neighbourhood}
          label={`${t("invitations.neighbourhood")} (${t("common.optional")})`}
          options={[{ value: "", label: t("invitations.anyNeighbourhood") }, ...neighbourhoods.map((n) => ({ value: n, label: n }))]}
        />
      ) : null}
    </>
  );
}

export function AddPersonForm({ groups, neighbourhoods, actionData }: Props) {
  const t = useT();
  const [form, fields] = useForm({
    id: "add-person",
    lastResult: resultFor(actionData, "addPerson"),
    defaultValue: { groupId: groups[0]?.id },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addPersonSchema }),
  });
  return (
    <>
      <h3>{t("invitations.personal.add")}</h3>
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="addPerson" />
        <TextField field={fields.name} label={t("invitations.personal.nameLabel")} autoComplete="off" />
        <TextField field={fields.email} label={t("invitations.personal.emailLabel")} hint={t("invitations.personal.emailHint")} type="email" autoComplete="off" />
        <PlaceFields groups={groups} neighbourhoods={neighbourhoods} fields={fields} />
        <div className="actions">
          <button type="submit">{t("invitations.personal.add")}</button>
        </div>
      </Form>
    </>
  );
}

export function AddOpenLinkForm({ groups, neighbourhoods, actionData }: Props) {
  const t = useT();
  const [form, fields] = useForm({
    id: "add-open-link",
    lastResult: resultFor(actionData, "addOpenLink"),
    defaultValue: { groupId: groups[0]?.id },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: addOpenLinkSchema }),
  });
  return (
    <>
      <h3>{t("invitations.openLinks.add")}</h3>
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="addOpenLink" />
        <PlaceFields groups={groups} neighbourhoods={neighbourhoods} fields={fields} />
        <TextField field={fields.cap} label={t("invitations.openLinks.capLabel")} hint={t("invitations.openLinks.capHint")} type="number" min={1} max={100000} inputMode="numeric" />
        <div className="actions">
          <button type="submit">{t("invitations.openLinks.add")}</button>
        </div>
      </Form>
    </>
  );
}

export function PaperForm({ groups, neighbourhoods, actionData }: Props) {
  const t = useT();
  const [form, fields] = useForm({
    id: "create-paper",
    lastResult: resultFor(actionData, "createPaper"),
    defaultValue: { groupId: groups[0]?.id, count: "10" },
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: paperSchema }),
  });
  return (
    <>
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="createPaper" />
        <PlaceFields groups={groups} neighbourhoods={neighbourhoods} fields={fields} />
        <TextField field={fields.count} label={t("invitations.paper.countLabel")} hint={t("invitations.paper.countHint")} type="number" min={1} max={500} inputMode="numeric" />
        <div className="actions">
          <button type="submit">{t("invitations.paper.create")}</button>
        </div>
      </Form>
    </>
  );
}

/** Uploads the file to the preview step; nothing is imported before the person confirms. */
export function ImportForm({ campaignId, groups, neighbourhoods }: { campaignId: string } & Place) {
  const t = useT();
  return (
    <>
      <h3>{t("invitations.csv.title")}</h3>
      <Form method="post" action={`/campaigns/${campaignId}/invitations/import`} encType="multipart/form-data" className="stack">
        <div className="field">
          <label htmlFor="csv-file">{t("invitations.csv.file")}</label>
          <p id="csv-file-hint" className="hint">
            {t("invitations.csv.hint")}{" "}
            {t("invitations.csv.allowed", { groups: groups.map((g) => localized(t.locale, g.label)).join(", "), neighbourhoods: neighbourhoods.join(", ") || "—" })}{" "}
            <a href={`/campaigns/${campaignId}/invitations/template`} download>
              {t("invitations.csv.template")}
            </a>
          </p>
          <input id="csv-file" type="file" name="file" accept=".csv,text/csv,text/plain" required aria-describedby="csv-file-hint" />
        </div>
        <div className="actions">
          <button type="submit">{t("invitations.csv.preview")}</button>
        </div>
      </Form>
    </>
  );
}
