import { type FormEvent, useState } from "react";
import { localized } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";
import { ScrollTable } from "../scroll-table";

type Column = { indicatorId: string; label: { fr: string; en: string }; scaleType: string };

const hasTyped = (row: Readonly<Record<string, string>>) => Object.values(row).some((v) => v.trim() !== "");

/**
 * The keyboard-first grid of a paper batch: one row per sheet, cells named r<row>.<indicator>.
 * One key answers a one-digit question and moves to the next cell; the running count of sheets
 * typed follows. Without JavaScript it is a plain grid of inputs (Tab between cells).
 * `marked` cells are those two entries disagreed on: empty, required, in red.
 */
export function PaperGrid({ caption, columns, rowCount, rows, fieldErrors, marked }: { caption: string; columns: readonly Column[]; rowCount: number; rows: readonly Readonly<Record<string, string>>[]; fieldErrors: Readonly<Record<string, string[]>>; marked: ReadonlySet<string> }) {
  const t = useT();
  const [typedCount, setTypedCount] = useState(rows.filter(hasTyped).length);
  const onInput = (event: FormEvent<HTMLDivElement>) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.dataset.row === undefined) return;
    const cells = [...event.currentTarget.querySelectorAll<HTMLInputElement>("input[data-row]")];
    if (input.dataset.single === "1" && input.value.length === 1) cells[cells.indexOf(input) + 1]?.focus();
    setTypedCount(new Set(cells.filter((c) => c.value.trim() !== "").map((c) => c.dataset.row)).size);
  };
  return (
    <div onInput={onInput}>
      <p role="status" data-testid="typed-count">
        {t("paper.typed", { count: typedCount })}
      </p>
      <ScrollTable label={caption} className="paper-grid">
        <thead>
          <tr>
            <th scope="col">{t("paper.sheet")}</th>
            {columns.map((c) => (
              <th key={c.indicatorId} scope="col" title={localized(t.locale, c.label)}>
                {c.indicatorId}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: rowCount }, (_, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              {columns.map((c) => {
                const name = `r${i + 1}.${c.indicatorId}`;
                const error = fieldErrors[name];
                const isMarked = marked.has(name);
                return (
                  <td key={c.indicatorId}>
                    <input
                      name={name}
                      data-row={i + 1}
                      data-single={c.scaleType === "likert" || c.scaleType === "yes_no" ? "1" : undefined}
                      aria-label={`${t("paper.sheet")} ${i + 1} — ${localized(t.locale, c.label)}`}
                      aria-invalid={error || isMarked ? true : undefined}
                      title={error?.join(" ")}
                      defaultValue={rows[i]?.[c.indicatorId] ?? ""}
                      required={isMarked}
                      inputMode="numeric"
                      autoComplete="off"
                      size={2}
                      maxLength={c.scaleType === "number" ? 12 : 2}
                      className={error || isMarked ? "cell cell--error" : "cell"}
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}
