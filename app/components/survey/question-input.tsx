import { type CSSProperties, useState } from "react";
import { formatNumber, localized } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";
import { ratingEndLabel } from "../../modules/surveys/labels";
import { DONT_KNOW, type Scale } from "../../modules/surveys/questions";

type Props = { scale: Scale; name: string; value: string | undefined; describedBy?: string; invalid: boolean };

/** The answer control of one question; every kind ends with « Je ne sais pas ». */
export function QuestionInput({ scale, name, value, describedBy, invalid }: Props) {
  const t = useT();
  const aria = { "aria-describedby": describedBy, "aria-invalid": invalid || undefined };
  const dontKnowChecked = value === DONT_KNOW;
  const radios = (options: { value: string; label: string }[], className = "answer-options", style?: CSSProperties) => (
    <ul className={className} style={style}>
      {options.map((o) => (
        <li key={o.value}>
          <label>
            <input type="radio" name={name} value={o.value} defaultChecked={value === o.value} {...aria} />
            <span>{o.label}</span>
          </label>
        </li>
      ))}
    </ul>
  );
  const dontKnowRadio = (
    <ul className="answer-options">
      <li className="dont-know">
        <label>
          <input type="radio" name={name} value={DONT_KNOW} defaultChecked={dontKnowChecked} />
          <span>{t("survey.dontKnow")}</span>
        </label>
      </li>
    </ul>
  );
  const dontKnowCheckbox = (
    <ul className="answer-options">
      <li className="dont-know">
        <label>
          <input type="checkbox" name="dontKnow" value="on" defaultChecked={dontKnowChecked} />
          <span>{t("survey.dontKnow")}</span>
        </label>
      </li>
    </ul>
  );

  switch (scale.type) {
    case "likert":
      return (
        <>
          {radios(scale.labels.map((label, i) => ({ value: String(i + 1), label: localized(t.locale, label) })))}
          {dontKnowRadio}
        </>
      );
    case "rating": {
      const count = scale.max - scale.min + 1;
      // One row on a wide screen, two even rows on a phone (6 + 5: never « 10 » alone), three when zoomed.
      const rows = { "--options": count, "--half": Math.ceil(count / 2), "--third": Math.ceil(count / 3) } as CSSProperties;
      return (
        <>
          <p className="hint">
            {t("survey.ratingEnds", { min: scale.min, minLabel: ratingEndLabel(scale.min, localized(t.locale, scale.minLabel)), max: scale.max, maxLabel: ratingEndLabel(scale.max, localized(t.locale, scale.maxLabel)) })}
          </p>
          {radios(
            Array.from({ length: count }, (_, i) => ({ value: String(scale.min + i), label: String(scale.min + i) })),
            "answer-options answer-options--rating",
            rows,
          )}
          {dontKnowRadio}
        </>
      );
    }
    case "yes_no":
      return (
        <>
          {radios([
            { value: "yes", label: t("survey.yes") },
            { value: "no", label: t("survey.no") },
          ])}
          {dontKnowRadio}
        </>
      );
    case "choice":
      if (!scale.multiple) {
        return (
          <>
            {radios(scale.options.map((o) => ({ value: o.value, label: localized(t.locale, o.label) })))}
            {dontKnowRadio}
          </>
        );
      }
      return (
        <>
          <ul className="answer-options">
            {scale.options.map((o) => {
              const chosen = value?.startsWith("[") ? (JSON.parse(value) as string[]) : [];
              return (
                <li key={o.value}>
                  <label>
                    <input type="checkbox" name="values" value={o.value} defaultChecked={chosen.includes(o.value)} {...aria} />
                    <span>{localized(t.locale, o.label)}</span>
                  </label>
                </li>
              );
            })}
          </ul>
          {dontKnowCheckbox}
        </>
      );
    case "number":
      return (
        <>
          <p className="field">
            <label htmlFor="answer-number">{localized(t.locale, scale.unit)}</label>
            {/* The allowed range is said before anyone types, not only in an error. */}
            <span className="hint" id="answer-number-range">
              {t(scale.integer ? "survey.numberRangeInteger" : "survey.numberRange", { min: formatNumber(t.locale, scale.min), max: formatNumber(t.locale, scale.max) })}
            </span>
            <input
              id="answer-number"
              type="text"
              inputMode={scale.integer ? "numeric" : "decimal"}
              name={name}
              defaultValue={value === DONT_KNOW ? "" : (value ?? "")}
              {...aria}
              aria-describedby={[describedBy, "answer-number-range"].filter(Boolean).join(" ")}
            />
          </p>
          {dontKnowCheckbox}
        </>
      );
    case "text":
      return (
        <>
          <TextAnswer name={name} maxLength={scale.maxLength} initial={value === DONT_KNOW ? "" : (value ?? "")} aria={aria} />
          {dontKnowCheckbox}
        </>
      );
  }
}

/** Free text with its limit said up front; with JavaScript the count follows the typing. */
function TextAnswer({ name, maxLength, initial, aria }: { name: string; maxLength: number; initial: string; aria: { "aria-describedby"?: string; "aria-invalid"?: true } }) {
  const t = useT();
  const [length, setLength] = useState(initial.length);
  const describedBy = [aria["aria-describedby"], "answer-text-limit"].filter(Boolean).join(" ");
  return (
    <p className="field">
      <label htmlFor="answer-text" className="visually-hidden">
        {t("survey.yourAnswer")}
      </label>
      <textarea id="answer-text" name={name} rows={5} maxLength={maxLength} defaultValue={initial} onChange={(e) => setLength(e.target.value.length)} aria-invalid={aria["aria-invalid"]} aria-describedby={describedBy} />
      <span className="text-counter" id="answer-text-limit">
        {t("survey.textLimit", { max: maxLength })} {t("survey.textCount", { count: length, max: maxLength })}
      </span>
    </p>
  );
}
