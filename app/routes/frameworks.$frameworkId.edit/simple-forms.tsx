import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { FormErrorSummary, TextAreaField, TextField } from "~/components/form/fields";
import { useT } from "~/i18n/use-t";
import { dimensionFormSchema, groupFormSchema, metadataFormSchema, sourceFormSchema } from "~/modules/frameworks/editor-forms";
import { dimensionValues, groupValues, metadataValues, sourceValues } from "~/modules/frameworks/form-values";
import type { Framework } from "../../../evaluation-frameworks/schema";

type Props = { definition: Framework; lastResult?: SubmissionResult<string[]> };

export function MetadataForm({ definition, lastResult }: Props) {
  const t = useT();
  const [form, fields] = useForm({
    id: "metadata",
    lastResult,
    defaultValue: metadataValues(definition),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: metadataFormSchema }),
  });
  return (
    <>
      <h2>{t("frameworks.editor.metadata")}</h2>
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="metadata" />
        <TextField field={fields.titleFr} label={t("frameworks.editor.fields.titleFr")} />
        <TextField field={fields.titleEn} label={t("frameworks.editor.fields.titleEn")} />
        <TextAreaField field={fields.descriptionFr} label={t("frameworks.editor.fields.descriptionFr")} rows={3} />
        <TextAreaField field={fields.descriptionEn} label={t("frameworks.editor.fields.descriptionEn")} rows={3} />
        <TextField field={fields.k} label={t("frameworks.editor.fields.k")} hint={t("frameworks.editor.fields.kHint")} type="number" inputMode="numeric" />
        <TextField field={fields.kFreeText} label={t("frameworks.editor.fields.kFreeText")} hint={t("frameworks.editor.fields.kFreeTextHint")} type="number" inputMode="numeric" />
        <div className="actions">
          <button type="submit">{t("frameworks.editor.save")}</button>
        </div>
      </Form>
    </>
  );
}

export function DimensionForm({ definition, itemId, lastResult }: Props & { itemId: string | null }) {
  const t = useT();
  const dimension = itemId ? definition.dimensions.find((d) => d.id === itemId) : undefined;
  const [form, fields] = useForm({
    id: "dimension",
    lastResult,
    defaultValue: dimensionValues(dimension),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: dimensionFormSchema }),
  });
  return (
    <>
      <h2>{dimension ? t("frameworks.editor.editItem", { label: dimension.label[t.locale] }) : t("frameworks.editor.addDimension")}</h2>
      {dimension ? <p className="muted">{t("frameworks.editor.idLabel", { id: dimension.id })}</p> : null}
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="dimension" />
        {dimension ? <input type="hidden" name={fields.id.name} value={dimension.id} /> : null}
        <TextField field={fields.labelFr} label={t("frameworks.editor.fields.labelFr")} hint={t("frameworks.editor.fields.labelHint")} />
        <TextField field={fields.labelEn} label={t("frameworks.editor.fields.labelEn")} />
        <TextAreaField field={fields.descriptionFr} label={t("frameworks.editor.fields.descriptionFr")} rows={3} />
        <TextAreaField field={fields.descriptionEn} label={t("frameworks.editor.fields.descriptionEn")} rows={3} />
        <TextField field={fields.weight} label={t("frameworks.editor.fields.weight")} hint={t("frameworks.editor.fields.weightHint")} type="number" step="any" inputMode="decimal" />
        <div className="actions">
          <button type="submit">{dimension ? t("frameworks.editor.save") : t("frameworks.editor.create")}</button>
        </div>
      </Form>
    </>
  );
}

export function GroupForm({ definition, itemId, lastResult }: Props & { itemId: string | null }) {
  const t = useT();
  const group = itemId ? definition.stakeholderGroups.find((g) => g.id === itemId) : undefined;
  const [form, fields] = useForm({
    id: "group",
    lastResult,
    defaultValue: groupValues(group),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: groupFormSchema }),
  });
  return (
    <>
      <h2>{group ? t("frameworks.editor.editItem", { label: group.label[t.locale] }) : t("frameworks.editor.addGroup")}</h2>
      {group ? <p className="muted">{t("frameworks.editor.idLabel", { id: group.id })}</p> : null}
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="group" />
        {group ? <input type="hidden" name={fields.id.name} value={group.id} /> : null}
        <TextField field={fields.labelFr} label={t("frameworks.editor.fields.labelFr")} />
        <TextField field={fields.labelEn} label={t("frameworks.editor.fields.labelEn")} />
        <TextAreaField field={fields.descriptionFr} label={t("frameworks.editor.fields.groupDescriptionFr")} rows={2} />
        <TextAreaField field={fields.descriptionEn} label={t("frameworks.editor.fields.groupDescriptionEn")} rows={2} />
        <div className="actions">
          <button type="submit">{group ? t("frameworks.editor.save") : t("frameworks.editor.create")}</button>
        </div>
      </Form>
    </>
  );
}

export function SourceForm({ definition, itemId, lastResult }: Props & { itemId: string | null }) {
  const t = useT();
  const source = itemId ? definition.sources.find((s) => s.id === itemId) : undefined;
  const [form, fields] = useForm({
    id: "source",
    lastResult,
    defaultValue: sourceValues(source),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: sourceFormSchema }),
  });
  return (
    <>
      <h2>{source ? t("frameworks.editor.editItem", { label: source.title }) : t("frameworks.editor.addSource")}</h2>
      {source ? <p className="muted">{t("frameworks.editor.idLabel", { id: source.id })}</p> : <p className="muted">{t("frameworks.editor.sourcesHint")}</p>}
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="source" />
        {source ? <input type="hidden" name={fields.id.name} value={source.id} /> : null}
        <TextField field={fields.title} label={t("frameworks.editor.fields.sourceTitle")} />
        <TextField field={fields.publisher} label={t("frameworks.editor.fields.publisher")} />
        <TextField field={fields.year} label={t("frameworks.editor.fields.year")} type="number" inputMode="numeric" />
        <TextField field={fields.url} label={t("frameworks.editor.fields.url")} type="url" />
        <div className="actions">
          <button type="submit">{source ? t("frameworks.editor.save") : t("frameworks.editor.create")}</button>
        </div>
      </Form>
    </>
  );
}
