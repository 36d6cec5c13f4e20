import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, ReferenceLine, XAxis, YAxis } from "recharts";
import { formatNumber, localized } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";
import type { ResultFigure, IndicatorResult, AvailableResults } from "../../modules/results/results-types";
import { valueLabel } from "../../modules/surveys/labels";
import { ChartWithDataTable } from "../charts/chart-with-table";
import { interval, maskedReason, namesById, notAskedGroups, percent, score } from "./labels";

// Low answers on the left in oranges, high ones on the right in blues (colour-blind safe,
// each at least 3:1 against white); the table and the legend say the same in words.
const DIVERGING = ["#b35806", "#e08214", "#8c8c8c", "#5e8ec7", "#1b4d89"];

function colourOf(index: number, count: number): string {
  if (count <= 1) return DIVERGING[4] ?? "#1b4d89";
  const position = Math.round((index / (count - 1)) * (DIVERGING.length - 1));
  return DIVERGING[position] ?? "#1b4d89";
}

type Row = { key: string; label: string; figure: ResultFigure };

/** A table row per group not asked about the project: « non interrogé », no figure (neither 0 nor masked). */
function notAskedRows(t: ReturnType<typeof useT>, data: Pick<AvailableResults, "groups" | "notAsked">, projectId: string) {
  return notAskedGroups(t, data, projectId).map((g) => ({ key: `g-${g.id}`, label: g.label, cells: [<span key="n" className="not-asked">{t("results.notAsked")}</span>] }));
}

function rowsFor(indicator: IndicatorResult, projectId: string, groupNames: Map<string, string>, sourceName: (s: string) => string, allLabel: string): Row[] {
  const rows: Row[] = [];
  for (const figure of indicator.figures) {
    if (figure.projectId !== projectId) continue;
    if (figure.groupId === null && figure.source === null) rows.unshift({ key: "all", label: allLabel, figure });
    else if (figure.groupId !== null) rows.push({ key: `g-${figure.groupId}`, label: groupNames.get(figure.groupId) ?? figure.groupId, figure });
    else if (figure.source !== null) rows.push({ key: `s-${figure.source}`, label: sourceName(figure.source), figure });
  }
  return rows;
}

/**
 * Diverging stacked bars, one per group and per source (and all together): shares of each
 * answer, low answers to the left of zero, the middle one split across it; n and the interval
 * in the table. A hidden row says why, in words.
 */
export function DistributionBars({ indicator, project, data }: { indicator: IndicatorResult; project: { id: string; name: string }; data: Pick<AvailableResults, "groups" | "notAsked"> }) {
  const t = useT();
  const groupNames = namesById(t, data.groups);
  const rows = rowsFor(indicator, project.id, groupNames, (s) => `${t("results.source")}${t("typography.colon")}${t.dynamic(`results.sources.${s}`)}`, t("results.allGroups"));
  const shown = rows.flatMap((r) => (r.figure.result.hidden ? [] : [{ ...r, statistics: r.figure.result.statistics }]));
  const values = shown[0]?.statistics.distribution.map((d) => d.value) ?? [];
  const middle = (values.length - 1) / 2;
  const chartRows = shown.map((r) => {
    const point: Record<string, string | number> = { label: `${r.label} (${t("results.nEquals", { n: r.statistics.n })})` };
    r.statistics.distribution.forEach((d, index) => {
      const share = (d.share ?? 0) * 100;
      if (index < middle) point[`v${index}`] = -share;
      else if (index === middle) {
        point[`v${index}neg`] = -share / 2;
        point[`v${index}`] = share / 2;
      } else point[`v${index}`] = share;
    });
    return point;
  });
  const question = localized(t.locale, indicator.question);
  const columns = [t("results.group"), t("results.answers"), t("results.dontKnow"), ...values.map((v) => valueLabel(indicator.scale, v, t)), t("results.mean"), t("results.interval")];
  return (
    <>
      <ChartWithDataTable
        caption={t("results.distributionCaption", { question, project: project.name })}
        columns={columns}
        height={60 + chartRows.length * 34}
        rows={[...rows.map((r) => ({
          key: r.key,
          label: r.label,
          cells: r.figure.result.hidden
            ? [<span key="m" className="masked">{maskedReason(t, r.figure.result.reason)}</span>]
            : [
                t("results.nEquals", { n: r.figure.result.statistics.n }),
                r.figure.result.statistics.dontKnow,
                ...r.figure.result.statistics.distribution.map((d) => (d.share === null ? "—" : `${percent(t, d.share)} (${d.count})`)),
                r.figure.result.statistics.ordinal ? formatNumber(t.locale, r.figure.result.statistics.ordinal.mean, 2) : r.figure.result.statistics.topBox ? percent(t, r.figure.result.statistics.topBox.share) : "—",
                r.figure.result.statistics.ordinal ? interval(t, r.figure.result.statistics.ordinal.meanInterval, 2) : r.figure.result.statistics.topBox ? interval(t, { low: r.figure.result.statistics.topBox.interval.low * 100, high: r.figure.result.statistics.topBox.interval.high * 100 }, 1) : "—",
              ],
        })), ...notAskedRows(t, data, project.id)]}
        chart={
          <BarChart data={chartRows} layout="vertical" stackOffset="sign" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[-100, 100]} tickFormatter={(v: number) => `${Math.abs(v)} %`} />
            <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 11 }} />
            <ReferenceLine x={0} stroke="#333" />
            <Legend />
            {values.flatMap((v, index) => {
              const name = valueLabel(indicator.scale, v, t);
              const fill = colourOf(index, values.length);
              const bars = [<Bar key={`v${index}`} dataKey={`v${index}`} name={name} stackId="s" fill={fill} isAnimationActive={false} />];
              if (index === middle) bars.unshift(<Bar key={`v${index}neg`} dataKey={`v${index}neg`} name={name} legendType="none" stackId="s" fill={fill} isAnimationActive={false} />);
              return bars;
            })}
          </BarChart>
        }
      />
      <p className="method">{t("results.distributionMethod")}</p>
    </>
  );
}

/** Each group's 0–100 score for this indicator and project, with its interval. */
export function GroupComparison({ indicator, project, data }: { indicator: IndicatorResult; project: { id: string; name: string }; data: Pick<AvailableResults, "groups" | "notAsked"> }) {
  const t = useT();
  const groupNames = namesById(t, data.groups);
  const figures = indicator.figures.filter((f) => f.projectId === project.id && f.groupId !== null && f.source === null);
  const points = figures.flatMap((f) => (f.result.hidden || !f.result.score ? [] : [{ label: groupNames.get(f.groupId ?? "") ?? "", score: f.result.score.score, error: f.result.score.halfWidth ?? 0 }]));
  return (
    <>
      <ChartWithDataTable
        caption={t("results.comparisonCaption", { indicator: localized(t.locale, indicator.label), project: project.name })}
        columns={[t("results.group"), t("results.score"), t("results.interval"), t("results.answers")]}
        height={60 + points.length * 34}
        rows={[...figures.map((f) => ({
          key: f.groupId ?? "",
          label: groupNames.get(f.groupId ?? "") ?? "",
          cells: f.result.hidden
            ? [<span key="m" className="masked">{maskedReason(t, f.result.reason)}</span>]
            : f.result.score
              ? [score(t, f.result.score.score), interval(t, f.result.score.interval, 0), t("results.nEquals", { n: f.result.statistics.n })]
              : [t("results.noScore"), "—", t("results.nEquals", { n: f.result.statistics.n })],
        })), ...notAskedRows(t, data, project.id)]}
        chart={
          <BarChart data={points} layout="vertical" margin={{ left: 8, right: 24 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} ticks={[0, 20, 40, 60, 80, 100]} />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
            <Bar dataKey="score" fill="#1b4d89" isAnimationActive={false}>
              <ErrorBar dataKey="error" width={4} stroke="#333" direction="x" />
            </Bar>
          </BarChart>
        }
      />
      <p className="method">{t("results.comparisonMethod")}</p>
    </>
  );
}

/** Baseline → previous campaign → this campaign → target, for one project. */
export function TrendChart({ indicator, project, previousTitle }: { indicator: IndicatorResult; project: { id: string; name: string }; previousTitle: string | null }) {
  const t = useT();
  const trend = indicator.trends.find((p) => p.projectId === project.id);
  const points: { key: string; label: string; value: number | null; masked: string | null }[] = [];
  const fromTrend = (v: IndicatorResult["trends"][number]["current"]) => (v === null ? { value: null, masked: null } : v.hidden ? { value: null, masked: maskedReason(t, v.reason) } : { value: v.value, masked: null });
  if (indicator.baseline !== null) points.push({ key: "baseline", label: t("results.baseline"), value: indicator.baseline, masked: null });
  if (previousTitle && trend) points.push({ key: "previous", label: t("results.previousCampaign", { title: previousTitle }), ...fromTrend(trend.previous) });
  if (trend) points.push({ key: "current", label: t("results.thisCampaign"), ...fromTrend(trend.current) });
  if (indicator.target !== null) points.push({ key: "target", label: t("results.target"), value: indicator.target, masked: null });
  const ratingTicks = indicator.scale.type === "rating" ? Array.from({ length: indicator.scale.max - indicator.scale.min + 1 }, (_, i) => i) : undefined;
  return (
    <>
      <ChartWithDataTable
        caption={t("results.trendCaption", { indicator: localized(t.locale, indicator.label), project: project.name })}
        columns={[t("results.value"), t("results.mean")]}
        rows={points.map((p) => ({ key: p.key, label: p.label, cells: [p.masked ? <span className="masked">{p.masked}</span> : p.value === null ? "—" : formatNumber(t.locale, p.value, 2)] }))}
        chart={
          <BarChart data={points.map((p) => ({ label: p.label, value: p.value ?? 0 }))} margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="label" tick={{ fontSize: 11 }} interval={0} />
            <YAxis ticks={ratingTicks} domain={ratingTicks ? [0, 10] : undefined} interval={0} />
            <Bar dataKey="value" fill="#5e8ec7" isAnimationActive={false} />
          </BarChart>
        }
      />
      <p className="method">{t("results.trendMethod")}</p>
    </>
  );
}
