import { formatNumber, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { formulaInWords } from "~/modules/frameworks/formula-words";
import { scaleInWords } from "~/modules/frameworks/scale-words";
import type { Framework } from "../../../evaluation-frameworks/schema";
import { LocalizedText } from "~/components/french-text";

/** A framework version read like a document by a council officer: dimensions, then their indicators. */
export function FrameworkDocument({ definition }: { definition: Framework }) {
  const t = useT();
  const l = (text: { fr: string; en: string }) => localized(t.locale, text);
  const scales = new Map(definition.scales.map((s) => [s.id, s]));
  const groups = new Map(definition.stakeholderGroups.map((g) => [g.id, g]));
  const sources = new Map(definition.sources.map((s) => [s.id, s]));
  const number = (value: number | undefined) => (value === undefined ? t("frameworks.detail.none") : formatNumber(t.locale, value, 2));
  const indicatorName = (id: string) => {
    const figure = definition.indicators.find((i) => i.id === id);
    return figure ? l(figure.label) : id;
  };
  const kindLabel = { question: t("frameworks.detail.question"), reported_figure: t("frameworks.detail.reportedFigure"), computed: t("frameworks.detail.computed") };
  return (
    <>
      <h2>{t("frameworks.detail.method")}</h2>
      <p>{definition.scoring.description ? l(definition.scoring.description) : `${t("frameworks.detail.scoring")} ${t("frameworks.detail.scoringFigures")}`}</p>
      {definition.scoring.limits ? (
        <>
          <h3>{t("frameworks.detail.limits")}</h3>
          <p>{l(definition.scoring.limits)}</p>
        </>
      ) : null}
      <p>{t("frameworks.detail.privacy", { k: definition.privacy.k, kFreeText: definition.privacy.kFreeText })}</p>

      <h2>{t("frameworks.detail.groups")}</h2>
      <ul>
        {definition.stakeholderGroups.map((g) => (
          <li key={g.id}>
            <strong>{l(g.label)}</strong>
            {g.description ? ` — ${l(g.description)}` : null}
          </li>
        ))}
      </ul>

      <h2>{t("frameworks.detail.dimensions")}</h2>
      {definition.dimensions.map((dimension) => (
        <section key={dimension.id} className="framework-dimension" aria-labelledby={`dimension-${dimension.id}`}>
          <h3 id={`dimension-${dimension.id}`}>{l(dimension.label)}</h3>
          <p>{l(dimension.description)}</p>
          <p className="muted">{t("frameworks.detail.dimensionWeight", { weight: formatNumber(t.locale, dimension.weight, 2) })}</p>
          {definition.indicators
            .filter((i) => i.dimension === dimension.id)
            .map((indicator) => {
              const scale = scales.get(indicator.scale);
              const words = scale ? scaleInWords(scale, t.locale) : undefined;
              return (
                <article key={indicator.id} className="framework-indicator" aria-labelledby={`indicator-${indicator.id}`}>
                  <h4 id={`indicator-${indicator.id}`}><LocalizedText text={indicator.label} /></h4>
                  <p className="framework-indicator__question">
                    <span className="muted">{kindLabel[indicator.kind]}{t("typography.colon")}</span>
                    <LocalizedText text={indicator.question} />
                  </p>
                  {indicator.help ? (
                    <p>
                      <span className="muted">{t("frameworks.detail.help")}{t("typography.colon")}</span>
                      <LocalizedText text={indicator.help} />
                    </p>
                  ) : null}
                  <dl className="facts">
                    {indicator.formula ? (
                      <>
                        <dt>{t("frameworks.detail.formula")}</dt>
                        <dd>{formulaInWords(indicator.formula, indicatorName, (value) => formatNumber(t.locale, value, 2))}</dd>
                      </>
                    ) : null}
                    <dt>{t("frameworks.detail.scale")}</dt>
                    <dd>{words ? t.dynamic(words.key, words.params) : indicator.scale}</dd>
                    <dt>{t("frameworks.detail.audiences")}</dt>
                    <dd>{indicator.audiences.map((a) => { const group = groups.get(a); return group ? l(group.label) : a; }).join(", ")}</dd>
                    <dt>{t("frameworks.detail.level")}</dt>
                    <dd>{t(`frameworks.levels.${indicator.level}`)}</dd>
                    <dt>{t("frameworks.detail.polarity")}</dt>
                    <dd>{t(`frameworks.polarities.${indicator.polarity}`)}</dd>
                    <dt>{t("frameworks.detail.weight")}</dt>
                    <dd>{number(indicator.weight)}</dd>
                    <dt>{t("frameworks.detail.requiredLabel")}</dt>
                    <dd>{indicator.required ? t("frameworks.detail.yes") : t("frameworks.detail.no")}</dd>
                    <dt>{t("frameworks.detail.baseline")}</dt>
                    <dd>{number(indicator.baseline)}</dd>
                    <dt>{t("frameworks.detail.target")}</dt>
                    <dd>{number(indicator.target)}</dd>
                    {indicator.minN !== undefined ? (
                      <>
                        <dt>{t("frameworks.detail.minN")}</dt>
                        <dd>{formatNumber(t.locale, indicator.minN, 0)}</dd>
                      </>
                    ) : null}
                    <dt>{t("frameworks.detail.sourcesCited")}</dt>
                    <dd>
                      {indicator.sources.map((id, index) => (
                        <span key={id}>
                          {index > 0 ? ", " : null}
                          <a href={`#source-${id}`}>{sources.get(id)?.title ?? id}</a>
                        </span>
                      ))}
                    </dd>
                  </dl>
                  {indicator.note ? (
                    <p className="muted">
                      {t("frameworks.detail.note")}{t("typography.colon")}<LocalizedText text={indicator.note} />
                    </p>
                  ) : null}
                </article>
              );
            })}
        </section>
      ))}

      {/* Only web links: an imported file could carry a javascript: address. */}
      <h2>{t("frameworks.detail.sources")}</h2>
      <ul>
        {definition.sources.map((s) => (
          <li key={s.id} id={`source-${s.id}`}>
            {s.url && /^https?:\/\//i.test(s.url) ? <a href={s.url}>{s.title}</a> : s.title}, {s.publisher}, {s.year}
            {s.note ? ` — ${l(s.note)}` : null}
          </li>
        ))}
      </ul>
    </>
  );
}
