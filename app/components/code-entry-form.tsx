import { Form } from "@remix-run/react";

/**
 * The page where a person types a code read on paper or on a wall (a workshop's join code, a
 * survey or resume code): a GET form that works without JavaScript, the hint and the « unknown
 * code » message tied to the field for screen readers.
 */
export function CodeEntryForm({ title, label, hint, unknownMessage, submitLabel, defaultValue, autoCapitalize }: { title: string; label: string; hint: string; unknownMessage: string | null; submitLabel: string; defaultValue?: string; autoCapitalize?: "characters" }) {
  return (
    <section className="page narrow survey">
      <h1>{title}</h1>
      <Form method="get" className="stack">
        <div className="field">
          <label htmlFor="code">{label}</label>
          <p className="hint" id="code-hint">
            {hint}
          </p>
          {unknownMessage ? (
            <p className="field-error" id="code-error">
              {unknownMessage}
            </p>
          ) : null}
          <input id="code" name="code" type="text" defaultValue={defaultValue} autoComplete="off" autoCapitalize={autoCapitalize} aria-invalid={unknownMessage ? true : undefined} aria-describedby={unknownMessage ? "code-hint code-error" : "code-hint"} />
        </div>
        <div className="actions">
          <button type="submit">{submitLabel}</button>
        </div>
      </Form>
    </section>
  );
}
