import { getFormProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { CheckboxField, CheckboxGroupField, FormErrorSummary, SelectField, TextAreaField, TextField } from "~/components/form/fields";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { scaleName } from "~/components/frameworks/scale-name";
import { indicatorFormSchema, KINDS, LEVELS, POLARITIES } from "~/modules/frameworks/editor-forms";
import { formulaInWords } from "~/modules/frameworks/formula-words";
import { indicatorValues } from "~/modules/frameworks/form-values";
import type { Framework } from "../../../evaluation-frameworks/schema";

export function IndicatorForm({ definition, itemId, lastResult }: { definition: Framework; itemId: string | null; lastResult?: SubmissionResult<string[]> }) {
  const t = useT();
  const l = (text: { fr: string; en: string }) => localized(t.locale, text);
  const indicator = itemId ? definition.indicators.find((i) => i.id === itemId) : undefined;
  const [form, fields] = useForm({
    id: "indicator",
    lastResult,
    defaultValue: indicatorValues(indicator, definition),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: indicatorFormSchema }),
  });
  return (
    <>
      <h2>{indicator ? t("frameworks.editor.editItem", { label: l(indicator.label) }) : t("frameworks.editor.addIndicator")}</h2>
      {indicator ? <p className="muted">{t("frameworks.editor.idLabel", { id: indicator.id })}</p> : null}
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="indicator" />
        {indicator ? <input type="hidden" name={fields.id.name} value={indicator.id} /> : null}
        <SelectField field={fields.dimension} label={t("frameworks.editor.fields.dimension")} options={definition.dimensions.map((d) => ({ value: d.id, label: l(d.label) }))} />
        <TextField field={fields.labelFr} label={t("frameworks.editor.fields.labelFr")} hint={t("frameworks.editor.fields.labelHint")} />
        <TextField field={fields.labelEn} label={t("frameworks.editor.fields.labelEn")} hint={t("frameworks.editor.fields.englishOptional")} />
        <TextAreaField field={fields.questionFr} label={t("frameworks.editor.fields.questionFr")} hint={t("frameworks.editor.fields.questionHint")} rows={3} />
        <TextAreaField field={fields.questionEn} label={t("frameworks.editor.fields.questionEn")} hint={t("frameworks.editor.fields.englishOptional")} rows={3} />
        <TextAreaField field={fields.helpFr} label={t("frameworks.editor.fields.helpFr")} rows={2} />
        <TextAreaField field={fields.helpEn} label={t("frameworks.editor.fields.helpEn")} rows={2} />
        {indicator?.kind === "computed" && indicator.formula ? (
          <>
            <input type="hidden" name={fields.kind.name} value="computed" />
            <p className="muted">{t("frameworks.editor.fields.computedKind", { formula: formulaInWords(indicator.formula, (id) => l(definition.indicators.find((i) => i.id === id)?.label ?? { fr: id, en: id })) })}</p>
          </>
        ) : (
          <SelectField field={fields.kind} label={t("frameworks.editor.fields.kind")} options={KINDS.map((k) => ({ value: k, label: t(`frameworks.kinds.${k}`) }))} />
        )}
        <SelectField field={fields.level} label={t("frameworks.editor.fields.level")} options={LEVELS.map((k) => ({ value: k, label: t(`frameworks.levels.${k}`) }))} />
        <SelectField
          field={fields.scale}
          label={t("frameworks.editor.fields.scale")}
          options={definition.scales.map((s) => ({ value: s.id, label: scaleName(t, s) }))}
        />
        <SelectField field={fields.polarity} label={t("frameworks.editor.fields.polarity")} options={POLARITIES.map((p) => ({ value: p, label: t(`frameworks.polarities.${p}`) }))} />
        <CheckboxGroupField field={fields.audiences} label={t("frameworks.editor.fields.audiences")} options={definition.stakeholderGroups.map((g) => ({ value: g.id, label: l(g.label) }))} />
        <CheckboxGroupField field={fields.sources} label={t("frameworks.editor.fields.sources")} hint={t("frameworks.editor.fields.sourcesOptional")} options={definition.sources.map((s) => ({ value: s.id, label: `${s.title} (${s.publisher}, ${s.year})` }))} />
        <CheckboxField field={fields.required} label={t("frameworks.editor.fields.required")} />
        <TextField field={fields.weight} label={t("frameworks.editor.fields.weight")} hint={t("frameworks.editor.fields.weightHint")} type="number" step="any" inputMode="decimal" />
        <TextField field={fields.baseline} label={t("frameworks.editor.fields.baseline")} hint={t("frameworks.editor.fields.baselineHint")} type="number" step="any" inputMode="decimal" />
        <TextField field={fields.target} label={t("frameworks.editor.fields.target")} type="number" step="any" inputMode="decimal" />
        <TextField field={fields.minN} label={t("frameworks.editor.fields.minN")} hint={t("frameworks.editor.fields.minNHint", { k: definition.privacy.k })} type="number" inputMode="numeric" />
        <TextAreaField field={fields.noteFr} label={t("frameworks.editor.fields.noteFr")} hint={t("frameworks.editor.fields.noteHint")} rows={4} />
        <TextAreaField field={fields.noteEn} label={t("frameworks.editor.fields.noteEn")} rows={4} />
        <div className="actions">
          <button type="submit">{indicator ? t("frameworks.editor.save") : t("frameworks.editor.create")}</button>
        </div>
      </Form>
    </>
  );
}
