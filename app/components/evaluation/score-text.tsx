import { formatNumber } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import type { MaskedScore } from "~/modules/review/figures";

/** A masked 0–100 score as words: its value and interval, « masqué », or « sans score ». */
export function ScoreText({ score, k }: { score: MaskedScore | null; k: number }) {
  const t = useT();
  if (!score) return <span className="muted">{t("review.noScore")}</span>;
  if (score.hidden) return <span className="masked">{t("review.hidden", { k })}</span>;
  return (
    <span>
      <strong>{t("review.scoreValue", { score: formatNumber(t.locale, score.score, 0) })}</strong>
      {score.low !== null && score.high !== null ? <span className="muted"> ({t("review.interval", { low: formatNumber(t.locale, score.low, 0), high: formatNumber(t.locale, score.high, 0) })})</span> : null}
    </span>
  );
}
