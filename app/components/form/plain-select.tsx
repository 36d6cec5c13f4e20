import type { ReactNode } from "react";

/**
 * A labelled select for the forms that echo what was typed themselves (workshops, positions
 * and stories, paper batches), outside conform: one way to write it on every such page.
 */
export function PlainSelect({ id, name = id, label, hint, options, defaultValue, error }: { id: string; name?: string; label: ReactNode; hint?: string; options: readonly { value: string; label: string; lang?: string }[]; defaultValue?: string; error?: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error}
      <select id={id} name={name} defaultValue={defaultValue} aria-describedby={hint ? `${id}-hint` : undefined}>
        {options.map((o) => (
          <option key={o.value} value={o.value} lang={o.lang}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
