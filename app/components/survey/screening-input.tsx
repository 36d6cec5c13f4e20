import type { Translate } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";

type Props = { name: string; value: string | undefined; describedBy?: string; invalid: boolean };

/** « Connaissez-vous ce projet ? »: yes or no, no « Je ne sais pas » (not knowing is the « no »). */
export function ScreeningInput({ name, value, describedBy, invalid }: Props) {
  const t = useT();
  return (
    <ul className="answer-options">
      {(["yes", "no"] as const).map((option) => (
        <li key={option}>
          <label>
            <input type="radio" name={name} value={option} defaultChecked={value === option} aria-describedby={describedBy} aria-invalid={invalid || undefined} />
            <span>{screeningLabel(t, option)}</span>
          </label>
        </li>
      ))}
    </ul>
  );
}

export function screeningLabel(t: Translate, value: string): string {
  return value === "no" ? t("survey.screeningNo") : t("survey.screeningYes");
}
