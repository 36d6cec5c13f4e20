import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { CheckboxField, FormErrorSummary, TextAreaField, TextField } from "~/components/form/fields";
import { useT } from "~/i18n/use-t";
import { scaleName } from "~/components/frameworks/scale-name";
import { scaleFormSchema } from "~/modules/frameworks/editor-forms";
import { isEditableScale, scaleValues } from "~/modules/frameworks/form-values";
import type { Framework } from "../../../evaluation-frameworks/schema";

/** One scale: Likert labels, the 0–10 rating's end labels, a number's unit and bounds, choice options or a text's maximum length. */
export function ScaleForm({ definition, itemId, lastResult }: { definition: Framework; itemId: string | null; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const scale = definition.scales.find((s) => s.id === itemId) ?? definition.scales.find(isEditableScale)!;
  const [form, fields] = useForm({
    id: "scale",
    lastResult,
    defaultValue: scaleValues(scale),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: scaleFormSchema }),
  });
  return (
    <>
      <h2>{t("frameworks.editor.editItem", { label: scaleName(t, scale) })}</h2>
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="scale" />
        <input type="hidden" name={fields.id.name} value={scale.id} />
        {scale.type === "likert" ? (
          <>
            <TextAreaField field={fields.labelsFr} label={t("frameworks.editor.fields.labelsFr")} rows={5} />
            <TextAreaField field={fields.labelsEn} label={t("frameworks.editor.fields.labelsEn")} rows={5} />
          </>
        ) : null}
        {scale.type === "number" ? (
          <>
            <TextField field={fields.unitFr} label={t("frameworks.editor.fields.unitFr")} />
            <TextField field={fields.unitEn} label={t("frameworks.editor.fields.unitEn")} />
            <TextField field={fields.min} label={t("frameworks.editor.fields.min")} type="number" step="any" inputMode="decimal" />
            <TextField field={fields.max} label={t("frameworks.editor.fields.max")} type="number" step="any" inputMode="decimal" />
            <CheckboxField field={fields.integer} label={t("frameworks.editor.fields.integer")} />
          </>
        ) : null}
        {scale.type === "rating" ? (
          <>
            <p className="hint">{t("frameworks.editor.fields.ratingHint")}</p>
            <TextField field={fields.minLabelFr} label={t("frameworks.editor.fields.minLabelFr")} />
            <TextField field={fields.minLabelEn} label={t("frameworks.editor.fields.minLabelEn")} />
            <TextField field={fields.maxLabelFr} label={t("frameworks.editor.fields.maxLabelFr")} />
            <TextField field={fields.maxLabelEn} label={t("frameworks.editor.fields.maxLabelEn")} />
          </>
        ) : null}
        {scale.type === "text" ? (
          <TextField field={fields.maxLength} label={t("frameworks.editor.fields.maxLength")} hint={t("frameworks.editor.fields.maxLengthHint")} type="number" inputMode="numeric" />
        ) : null}
        {scale.type === "choice" ? <TextAreaField field={fields.options} label={t("frameworks.editor.fields.options")} hint={t("frameworks.editor.fields.optionsHint")} rows={Math.max(4, scale.options.length + 2)} /> : null}
        <div className="actions">
          <button type="submit">{t("frameworks.editor.save")}</button>
        </div>
      </Form>
    </>
  );
}
