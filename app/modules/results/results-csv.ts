/**
 * The results as one CSV table (Excel-FR, through the one CSV writer): one line per figure the
 * pages show — every indicator figure (project, group, source), every dimension score, every
 * computed rate and reported figure. A hidden figure is a line that says « masqué » and why,
 * with no number.
 */
import { localized, type Locale } from "../../i18n/i18n";
import { type CsvColumn, toExcelCsv } from "../../lib/csv";
import type { AvailableResults } from "./results-types";

export type CsvLabels = { hidden: string; reasons: Record<"smallGroup" | "protectsAnotherGroup", string>; all: string; headers: Record<"project" | "kind" | "indicator" | "group" | "source" | "n" | "dontKnow" | "mean" | "topBox" | "score" | "value" | "status", string>; sources: Record<string, string> };

type Line = { project: string; kind: string; indicator: string; group: string; source: string; n?: number; dontKnow?: number; mean?: number | null; topBox?: number | null; score?: number | null; value?: number | null; status: string };

export function resultsCsvLines(results: AvailableResults, locale: Locale, labels: CsvLabels): Line[] {
  const projects = new Map(results.projects.map((p) => [p.id, p.name]));
  const groups = new Map(results.groups.map((g) => [g.id, localized(locale, g.label)]));
  const dimensions = new Map(results.dimensions.map((d) => [d.id, localized(locale, d.label)]));
  const name = (map: Map<string, string>, id: string | null) => (id === null ? labels.all : (map.get(id) ?? id));
  const figures = results.indicators.flatMap((indicator) =>
    indicator.figures.map((f): Line => {
      const base = { project: name(projects, f.projectId), kind: "question", indicator: localized(locale, indicator.label), group: name(groups, f.groupId), source: f.source === null ? labels.all : (labels.sources[f.source] ?? f.source) };
      if (f.result.hidden) return { ...base, status: `${labels.hidden}${locale === "fr" ? " : " : ": "}${labels.reasons[f.result.reason]}` };
      const s = f.result.statistics;
      return { ...base, n: s.n, dontKnow: s.dontKnow, mean: s.ordinal?.mean ?? s.number?.mean ?? null, topBox: s.topBox ? s.topBox.share * 100 : null, score: f.result.score?.score ?? null, status: "" };
    }),
  );
  const scores = results.scores.flatMap((p) =>
    p.dimensions.flatMap((d) => [
      { project: name(projects, p.projectId), kind: "dimension", indicator: name(dimensions, d.dimensionId), group: labels.all, source: labels.all, score: d.score, status: "" },
      ...d.byGroup.map((g): Line => {
        const base = { project: name(projects, p.projectId), kind: "dimension", indicator: name(dimensions, d.dimensionId), group: name(groups, g.groupId), source: labels.all };
        if (g.score === null) return { ...base, status: "" };
        return g.score.hidden ? { ...base, status: `${labels.hidden} : ${labels.reasons[g.score.reason]}` } : { ...base, score: g.score.score, status: "" };
      }),
    ]),
  );
  const computed = results.computed.map((c): Line => ({ project: name(projects, c.projectId), kind: "computed", indicator: localized(locale, c.label), group: labels.all, source: labels.all, value: c.value, score: c.progress, status: c.status === "ok" ? "" : c.status }));
  const reported = results.reported.flatMap((r): Line[] => (r.value === null ? [] : [{ project: name(projects, r.projectId), kind: "reported_figure", indicator: localized(locale, r.label), group: labels.all, source: labels.all, value: r.value, score: r.progress, status: "" }]));
  return [...scores, ...figures, ...computed, ...reported];
}

export function resultsCsv(results: AvailableResults, locale: Locale, labels: CsvLabels): string {
  const h = labels.headers;
  const columns: CsvColumn<Line>[] = [
    { header: h.project, text: (l) => l.project },
    { header: h.kind, text: (l) => l.kind },
    { header: h.indicator, text: (l) => l.indicator },
    { header: h.group, text: (l) => l.group },
    { header: h.source, text: (l) => l.source },
    { header: h.n, number: (l) => l.n },
    { header: h.dontKnow, number: (l) => l.dontKnow },
    { header: h.mean, number: (l) => l.mean },
    { header: h.topBox, number: (l) => l.topBox },
    { header: h.score, number: (l) => l.score },
    { header: h.value, number: (l) => l.value },
    { header: h.status, text: (l) => l.status },
  ];
  return toExcelCsv(resultsCsvLines(results, locale, labels), columns);
}
