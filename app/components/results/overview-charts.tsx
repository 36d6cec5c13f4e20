import { Bar, BarChart, CartesianGrid, PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, XAxis, YAxis } from "recharts";
import { localized } from "../../i18n/i18n";
import { useT } from "../../i18n/use-t";
import type { AvailableResults, ProjectScores } from "../../modules/results/results-types";
import { ChartWithDataTable } from "../charts/chart-with-table";
import { maskedReason, namesById, notAskedLookup, score } from "./labels";
import { RadarTick } from "./radar-tick";

/** Responses by stakeholder group, then by source: two margins, never crossed. */
export function ParticipationChart({ data }: { data: Pick<AvailableResults, "participation" | "groups"> }) {
  const t = useT();
  const groupNames = namesById(t, data.groups);
  const rows = [
    ...data.participation.byGroup.map((g) => ({ key: `g-${g.groupId}`, label: groupNames.get(g.groupId) ?? g.groupId, responses: g.responses })),
    ...data.participation.bySource.map((s) => ({ key: `s-${s.source}`, label: `${t("results.source")}${t("typography.colon")}${t(`results.sources.${s.source}`)}`, responses: s.responses })),
  ];
  return (
    <>
      <ChartWithDataTable
        caption={t("results.participationCaption")}
        columns={[t("results.group"), t("results.totalResponses")]}
        rows={rows.map((r) => ({ key: r.key, label: r.label, cells: [t.plural("common.responses", r.responses)] }))}
        height={40 + rows.length * 28}
        chart={
          <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }} accessibilityLayer={false}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" allowDecimals={false} />
            <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} />
            <Bar dataKey="responses" fill="#1b4d89" isAnimationActive={false} />
          </BarChart>
        }
      />
      <p className="method">{t("results.participationMethod")}</p>
    </>
  );
}

/** One project's dimension scores on a radar, with the table that says each score and what was masked. */
export function DimensionRadar({ project, scores, data }: { project: { id: string; name: string }; scores: ProjectScores; data: Pick<AvailableResults, "dimensions" | "groups" | "notAsked"> }) {
  const t = useT();
  const dimensionNames = namesById(t, data.dimensions);
  const groupNames = namesById(t, data.groups);
  const isNotAsked = notAskedLookup(data.notAsked);
  // A dimension without a score is not drawn at 0 (that would read as the worst score): the table says « pas de score ».
  const points = scores.dimensions.flatMap((d) => (d.score === null ? [] : [{ dimension: dimensionNames.get(d.dimensionId) ?? d.dimensionId, score: d.score }]));
  return (
    <section aria-labelledby={`radar-${project.id}`}>
      <h3 id={`radar-${project.id}`}>{t("results.radarHeading", { project: project.name })}</h3>
      <ChartWithDataTable
        caption={t("results.radarCaption", { project: project.name })}
        columns={[t("results.dimension"), t("results.score"), ...data.groups.map((g) => groupNames.get(g.id) ?? g.id)]}
        height={320}
        rows={scores.dimensions.map((d) => ({
          key: d.dimensionId,
          label: dimensionNames.get(d.dimensionId) ?? d.dimensionId,
          cells: [
            d.score === null ? t("results.noScore") : score(t, d.score),
            ...d.byGroup.map((g) => (isNotAsked(g.groupId, project.id) ? t("results.notAsked") : g.score === null ? t("results.noScore") : g.score.hidden ? <span className="masked" title={maskedReason(t, g.score.reason)}>{t("results.masked.short")}</span> : score(t, g.score.score))),
          ],
        }))}
        chart={
          <RadarChart data={points} outerRadius="56%" margin={{ top: 16, right: 28, bottom: 16, left: 28 }} accessibilityLayer={false}>
            <PolarGrid />
            <PolarAngleAxis dataKey="dimension" tick={RadarTick} />
            <PolarRadiusAxis domain={[0, 100]} tickCount={6} angle={90} orientation="middle" tick={{ fontSize: 9 }} axisLine={false} />
            <Radar dataKey="score" stroke="#1b4d89" fill="#1b4d89" fillOpacity={0.3} isAnimationActive={false} />
          </RadarChart>
        }
      />
      <p className="method">{t("results.radarMethod")}</p>
    </section>
  );
}

/** The findings in sentences: divergences first, then each project's lowest and highest dimension. */
export function Findings({ data }: { data: Pick<AvailableResults, "groups" | "dimensions" | "projects" | "findings"> & { indicators: readonly { indicatorId: string; label: { fr: string; en: string } }[] } }) {
  const t = useT();
  const groups = namesById(t, data.groups);
  const dimensions = namesById(t, data.dimensions);
  const projects = new Map(data.projects.map((p) => [p.id, p.name]));
  const indicators = new Map(data.indicators.map((i) => [i.indicatorId, localized(t.locale, i.label)]));
  if (data.findings.length === 0) return <p>{t("results.noFindings")}</p>;
  return (
    <>
      <p>{t.plural("results.findingsCount", data.findings.length)}</p>
      <ul className="findings" data-testid="findings">
        {data.findings.map((f, index) => {
          const project = projects.get(f.projectId) ?? "";
          const text =
            f.kind === "divergence"
              ? t(f.key, { project, indicator: indicators.get(f.indicatorId) ?? f.indicatorId, less: groups.get(f.lessFavourable) ?? "", more: groups.get(f.moreFavourable) ?? "" })
              : t(f.kind === "lowest" ? "results.finding.lowest" : "results.finding.highest", { project, dimension: dimensions.get(f.dimensionId) ?? f.dimensionId, score: score(t, f.score) });
          return <li key={index}>{text}</li>;
        })}
      </ul>
    </>
  );
}
