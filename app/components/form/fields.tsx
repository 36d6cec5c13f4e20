import { type FieldMetadata, getCollectionProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";
import { useT } from "../../i18n/use-t";

// Form fields with label, hint and error, wired for screen readers (aria-describedby,
// aria-invalid). Error messages arrive as i18n keys and are translated here.

type Common = { field: FieldMetadata<unknown>; label: ReactNode; hint?: ReactNode };

export function FieldErrors({ field }: { field: FieldMetadata<unknown> }) {
  const t = useT();
  if (!field.errors?.length) return null;
  return (
    <p id={field.errorId} className="field-error">
      {field.errors.map((error) => t.dynamic(error)).join(" ")}
    </p>
  );
}

function Hint({ field, hint }: { field: FieldMetadata<unknown>; hint?: ReactNode }) {
  return hint ? (
    <p id={field.descriptionId} className="hint">
      {hint}
    </p>
  ) : null;
}

type InputType = "text" | "email" | "password" | "number" | "date" | "url" | "search" | "tel";

export function TextField({ field, label, hint, type = "text", ...rest }: Common & { type?: InputType } & Omit<InputHTMLAttributes<HTMLInputElement>, "type">) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint field={field} hint={hint} />
      <input {...getInputProps(field, { type, ariaDescribedBy: hint ? field.descriptionId : undefined })} {...rest} />
      <FieldErrors field={field} />
    </div>
  );
}

export function TextAreaField({ field, label, hint, rows = 4, maxLength }: Common & { rows?: number; maxLength?: number }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint field={field} hint={hint} />
      <textarea {...getTextareaProps(field, { ariaDescribedBy: hint ? field.descriptionId : undefined })} rows={rows} maxLength={maxLength} />
      <FieldErrors field={field} />
    </div>
  );
}

export function SelectField({ field, label, hint, options }: Common & { options: { value: string; label: string; lang?: string }[] }) {
  return (
    <div className="field">
      <label htmlFor={field.id}>{label}</label>
      <Hint field={field} hint={hint} />
      <select {...getSelectProps(field, { ariaDescribedBy: hint ? field.descriptionId : undefined })}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldErrors field={field} />
    </div>
  );
}

export function CheckboxGroupField({ field, label, hint, options }: Common & { options: { value: string; label: ReactNode }[] }) {
  const props = getCollectionProps(field, { type: "checkbox", options: options.map((o) => o.value), ariaAttributes: true });
  return (
    <fieldset className="field" aria-describedby={[hint ? field.descriptionId : "", field.errors?.length ? field.errorId : ""].filter(Boolean).join(" ") || undefined}>
      <legend>{label}</legend>
      <Hint field={field} hint={hint} />
      <FieldErrors field={field} />
      <ul className="choices">
        {props.map((inputProps, index) => {
          const { key, ...rest } = inputProps;
          return (
            <li key={key}>
              <input {...rest} />
              <label htmlFor={inputProps.id}>{options[index]?.label}</label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

export function CheckboxField({ field, label, hint }: Common) {
  return (
    <div className="field field--checkbox">
      <input {...getInputProps(field, { type: "checkbox", ariaDescribedBy: hint ? field.descriptionId : undefined })} />
      <label htmlFor={field.id}>{label}</label>
      <Hint field={field} hint={hint} />
      <FieldErrors field={field} />
    </div>
  );
}

export function FormErrorSummary({ errors }: { errors?: string[] }) {
  const t = useT();
  if (!errors?.length) return null;
  return (
    <div className="error-summary" role="alert">
      {errors.map((e) => t.dynamic(e)).join(" ")}
    </div>
  );
}
