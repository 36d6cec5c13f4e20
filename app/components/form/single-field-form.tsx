import { type FieldMetadata, type FormMetadata, getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { HTMLInputAutoCompleteAttribute } from "react";
import { FormErrorSummary, TextField } from "./fields";

/** A form of one text field and its button (forgotten password, new password): errors above, then the field. */
export function SingleFieldForm<Schema extends Record<string, unknown>>({ form, field, label, type, autoComplete, submit }: { form: FormMetadata<Schema, string[]>; field: FieldMetadata<string>; label: string; type: "email" | "password"; autoComplete: HTMLInputAutoCompleteAttribute; submit: string }) {
  return (
    <>
      <FormErrorSummary errors={form.errors} />
      <Form method="post" className="stack" {...getFormProps(form)}>
        <TextField field={field} label={label} type={type} autoComplete={autoComplete} />
        <div className="actions">
          <button type="submit">{submit}</button>
        </div>
      </Form>
    </>
  );
}
