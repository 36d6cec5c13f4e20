import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, ResponsiveContainer } from "recharts";
import { useT } from "~/i18n/use-t";
import type { MaskedScore } from "~/modules/review/figures";
import { RadarTick } from "../results/radar-tick";
import { ScoreText } from "./score-text";

export type RadarRow = { dimensionId: string; label: string; score: MaskedScore | null };

/**
 * One project's dimension scores: a radar of the shown scores and its table twin. A masked
 * score is left out of the drawing (never drawn as 0) and said in the table.
 */
export function DimensionRadar({ caption, rows, k }: { caption: string; rows: readonly RadarRow[]; k: number }) {
  const t = useT();
  const shown = rows.flatMap((r) => (r.score && !r.score.hidden ? [{ label: r.label, score: Math.round(r.score.score) }] : []));
  return (
    <figure className="chart radar">
      {shown.length >= 3 ? (
        <div className="chart__figure" aria-hidden="true">
          <ResponsiveContainer width="100%" height="100%">
            {/* The same wrapped names and room as the results radar: long names stay inside on a phone. */}
            <RadarChart data={shown} outerRadius="56%" margin={{ top: 16, right: 28, bottom: 16, left: 28 }} accessibilityLayer={false}>
              <PolarGrid />
              <PolarAngleAxis dataKey="label" tick={RadarTick} />
              <PolarRadiusAxis domain={[0, 100]} tickCount={5} angle={90} />
              <Radar dataKey="score" stroke="#1b4d89" fill="#1b4d89" fillOpacity={0.3} isAnimationActive={false} />
            </RadarChart>
          </ResponsiveContainer>
        </div>
      ) : null}
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("review.public.dimension")}</th>
            <th scope="col">{t("review.score")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.dimensionId}>
              <th scope="row">{r.label}</th>
              <td>
                <ScoreText score={r.score} k={k} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
