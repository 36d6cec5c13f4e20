import type { ReactNode } from "react";

/**
 * A labelled select for the forms that echo what was typed themselves (workshops, positions
 * and stories, paper batches), outside conform: one way to write it on every such page.
 */
export function PlainSelect({ id, name = id, label, options, defaultValue, error }: { id: string; name?: string; label: ReactNode; options: readonly { value: string; label: string }[]; defaultValue?: string; error?: ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {error}
      <select id={id} name={name} defaultValue={defaultValue}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
