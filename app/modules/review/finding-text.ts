import { formatNumber, type Translate } from "../../i18n/i18n";
import type { FindingFigures } from "./figures";

/**
 * The text of a finding in the reader's language. The generated draft is not stored as
 * text: its row keeps an empty title and body, and every page (review, public, print, open
 * data) writes it from the masked figures through the i18n layer at render, so a French and an
 * English reader each read it in their language and a wording fix in fr.ts/en.ts reaches every
 * unedited finding. Once the council edits a finding, its own words are stored and shown as
 * they are (a council writes in one language).
 */
export type FindingNames = { project: string; dimension: string; group: (id: string) => string };
type TextSource = { title: string; body: string; figures: FindingFigures };

export function isGeneratedText(finding: Pick<TextSource, "title">): boolean {
  return finding.title === "";
}

export function generatedFindingText(t: Translate, figures: FindingFigures, names: FindingNames): { title: string; body: string } {
  const { score, divergence } = figures;
  const round = (v: number) => formatNumber(t.locale, Math.round(v));
  const parts = [
    !score
      ? t("review.draft.noScore")
      : score.hidden
        ? t("review.draft.hiddenScore")
        : score.low !== null && score.high !== null
          ? t("review.draft.scoreWithInterval", { score: round(score.score), low: round(score.low), high: round(score.high) })
          : t("review.draft.score", { score: round(score.score) }),
  ];
  if (divergence) parts.push(t("review.draft.divergence", { high: names.group(divergence.highGroupId), low: names.group(divergence.lowGroupId), gap: round(divergence.gap) }));
  const reported = figures.reported.filter((r) => !r.result.hidden && r.result.value !== null).length;
  if (reported > 0) parts.push(t.plural("review.draft.reported", reported));
  if (figures.workshopPositions.length > 0) parts.push(t.plural("review.draft.workshop", figures.workshopPositions.length));
  return { title: t("review.draft.title", { project: names.project, dimension: names.dimension }), body: parts.join(" ") };
}

/**
 * What a finding says: the council's words once edited (`isCouncilText`: French, marked so on
 * English pages), else the generated text in `t`'s language.
 */
export function findingText(t: Translate, finding: TextSource, names: FindingNames): { title: string; body: string; isCouncilText: boolean } {
  return isGeneratedText(finding) ? { ...generatedFindingText(t, finding.figures, names), isCouncilText: false } : { title: finding.title, body: finding.body, isCouncilText: true };
}

type Labels = { projects: readonly { id: string; name: string }[]; dimensions: readonly { id: string; label: { fr: string; en: string } }[]; groups: readonly { id: string; label: { fr: string; en: string } }[] };

/** A page's text writer: its labels in `t`'s language, then each finding's text. */
export function findingTexts(t: Translate, labels: Labels) {
  const pick = (label: { fr: string; en: string }) => label[t.locale];
  const projects = new Map(labels.projects.map((p) => [p.id, p.name]));
  const dimensions = new Map(labels.dimensions.map((d) => [d.id, pick(d.label)]));
  const groups = new Map(labels.groups.map((g) => [g.id, pick(g.label)]));
  return (finding: TextSource & { projectId: string; dimensionId: string }) =>
    findingText(t, finding, { project: projects.get(finding.projectId) ?? "", dimension: dimensions.get(finding.dimensionId) ?? finding.dimensionId, group: (id) => groups.get(id) ?? id });
}
