import { formatNumber, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import type { FindingFigures } from "~/modules/review/figures";
import { ScoreText } from "./score-text";
import { DataTable } from "../data-table";

type Labels = { groupLabel: (id: string) => string };

/** A finding's masked figures: headline score, per group, divergence, key figures, stories. */
export function FindingFiguresView({ figures, k, groupLabel }: { figures: FindingFigures; k: number } & Labels) {
  const t = useT();
  return (
    <div className="finding__figures">
      <p>
        {t("review.score")}{t("typography.colon")}<ScoreText score={figures.score} k={k} />
      </p>
      {figures.divergence ? (
        <p className="finding__divergence">
          {t("review.divergence", { high: groupLabel(figures.divergence.highGroupId), low: groupLabel(figures.divergence.lowGroupId), gap: formatNumber(t.locale, figures.divergence.gap, 0) })}
        </p>
      ) : null}
      <DataTable
        label={t("review.keyFigures")}
        caption={t("review.keyFigures")}
        columns={[{ label: t("review.indicator") }, { label: t("review.responses"), numeric: true }, { label: t("review.dontKnow"), numeric: true }, { label: t("review.mean"), numeric: true }, { label: t("review.score"), numeric: true }]}
        rows={figures.indicators.map((i) => ({
          key: i.indicatorId,
          header: localized(t.locale, i.label),
          cells: i.result.hidden
            ? [{ masked: t("review.hidden", { k }), span: 4 }]
            : [formatNumber(t.locale, i.result.n), formatNumber(t.locale, i.result.dontKnow), i.result.mean === null ? "—" : formatNumber(t.locale, i.result.mean), i.result.score === null ? "—" : formatNumber(t.locale, i.result.score, 0)],
        }))}
      />
      {figures.groups.length > 0 ? (
        <DataTable
          label={t("review.group")}
          columns={[{ label: t("review.group") }, { label: t("review.score") }]}
          rows={figures.groups.map((g) => ({ key: g.groupId, header: groupLabel(g.groupId), cells: [<ScoreText key="score" score={g.score} k={k} />] }))}
        />
      ) : null}
      {figures.reported.length > 0 ? (
        <DataTable
          label={t("review.reported.title")}
          caption={t("review.reported.title")}
          columns={[{ label: t("review.indicator") }, { label: t("review.reported.value"), numeric: true }, { label: t("review.reported.baseline"), numeric: true }, { label: t("review.reported.target"), numeric: true }, { label: t("review.reported.progress"), numeric: true }]}
          rows={figures.reported.map((r) => {
            const unit = r.unit ? ` ${localized(t.locale, r.unit)}` : "";
            const number = (v: number | null) => (v === null ? "—" : `${formatNumber(t.locale, v)}${unit}`);
            return {
              key: r.indicatorId,
              header: (
                <>
                  {localized(t.locale, r.label)} <span className="muted">({t.dynamic(`review.reported.kind.${r.kind}`)})</span>
                </>
              ),
              cells: [
                r.result.hidden ? { masked: t("review.hidden", { k }) } : r.result.value === null ? t("review.reported.missing") : number(r.result.value),
                number(r.baseline),
                number(r.target),
                r.result.hidden || r.result.progress === null ? "—" : `${formatNumber(t.locale, r.result.progress, 0)} %`,
              ],
            };
          })}
        />
      ) : null}
      {figures.workshopPositions.length > 0 ? (
        <>
          <h4>{t("review.workshop.title")}</h4>
          <ul className="workshop-positions">
            {figures.workshopPositions.map((p, index) => (
              <li key={index}>
                <strong>{localized(t.locale, p.label)}</strong> — {t.dynamic(`review.workshop.kind.${p.kind}`)}{t("typography.colon")}{p.reasoning}
                {p.minorityView ? (
                  <p>
                    <em>{t("review.workshop.minority")}</em>{t("typography.colon")}{p.minorityView}
                  </p>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {figures.stories.length > 0 ? (
        <>
          <h4>{t("review.stories")}</h4>
          <ul>
            {figures.stories.map((s, index) => (
              <li key={index}>
                <blockquote>{s.text}</blockquote>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}

type Position = { association: string | null; person?: string | null; position: "agree" | "nuance" | "disagree"; reason: string; rewording: string | null };

/** Everyone's positions on a finding, named by association. */
export function PositionList({ positions }: { positions: readonly Position[] }) {
  const t = useT();
  if (positions.length === 0) return <p className="muted">{t("review.noPositions")}</p>;
  return (
    <ul className="positions">
      {positions.map((p, index) => (
        <li key={index} className={`position position--${p.position}`}>
          <strong>{t.dynamic(`review.position.${p.position}`)}</strong> — {p.association ?? t("review.anonymousAssociation")}
          {p.person ? ` (${p.person})` : ""}
          <p>{p.reason}</p>
          {p.rewording ? (
            <p>
              <em>{t("review.rewording")}</em>{t("typography.colon")}{p.rewording}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

type Commitment = { what: string; who: string; dueOn: string | null };

/** The council's answer and commitments. */
export function AnswerView({ answer, commitments, formatDay }: { answer: { response: string } | null; commitments: readonly Commitment[]; formatDay: (iso: string) => string }) {
  const t = useT();
  return (
    <div className="answer">
      <h4>{t("review.answer")}</h4>
      {answer ? <p>{answer.response}</p> : <p className="muted">{t("review.noAnswer")}</p>}
      {commitments.length > 0 ? (
        <>
          <h5>{t("review.commitments")}</h5>
          <ul>
            {commitments.map((c, index) => (
              <li key={index}>{c.dueOn ? t("review.commitmentDueLine", { what: c.what, who: c.who, due: formatDay(c.dueOn) }) : t("review.commitmentLine", { what: c.what, who: c.who })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
