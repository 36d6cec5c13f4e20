// What changed between two versions of a framework, for the council and the associations who
// compare campaigns across years. Indicators are matched by id (ids are stable across versions),
// so a reworded question is a rewording, not a removal plus an addition.
import type { Dimension, Framework, Indicator, LocalizedText } from "../../../evaluation-frameworks/schema";

export type Rewording = { field: "label" | "question" | "help"; before: LocalizedText | undefined; after: LocalizedText | undefined };
export type IndicatorChange = { field: (typeof OTHER_FIELDS)[number]; before: unknown; after: unknown };

export type FrameworkDiff = {
  indicatorsAdded: Indicator[];
  indicatorsRemoved: Indicator[];
  indicatorsReworded: { id: string; label: LocalizedText; rewordings: Rewording[] }[];
  indicatorsChanged: { id: string; label: LocalizedText; changes: IndicatorChange[] }[];
  dimensionsAdded: Dimension[];
  dimensionsRemoved: Dimension[];
  dimensionsChanged: { id: string; label: LocalizedText; fields: ("label" | "description" | "weight")[] }[];
};

const TEXT_FIELDS = ["label", "question", "help"] as const;
const OTHER_FIELDS = ["dimension", "level", "kind", "scale", "formula", "polarity", "audiences", "required", "weight", "baseline", "target", "minN", "sources"] as const;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Audiences and sources are sets: their order in the file means nothing. */
const comparable = (value: unknown) => (Array.isArray(value) ? [...value].sort() : value);

export function diffFrameworkVersions(from: Framework, to: Framework): FrameworkDiff {
  const before = new Map(from.indicators.map((i) => [i.id, i]));
  const after = new Map(to.indicators.map((i) => [i.id, i]));
  const diff: FrameworkDiff = { indicatorsAdded: [], indicatorsRemoved: [], indicatorsReworded: [], indicatorsChanged: [], dimensionsAdded: [], dimensionsRemoved: [], dimensionsChanged: [] };

  for (const indicator of to.indicators) {
    const old = before.get(indicator.id);
    if (!old) {
      diff.indicatorsAdded.push(indicator);
      continue;
    }
    const rewordings = TEXT_FIELDS.filter((field) => !same(old[field], indicator[field])).map((field) => ({ field, before: old[field], after: indicator[field] }));
    if (rewordings.length > 0) diff.indicatorsReworded.push({ id: indicator.id, label: indicator.label, rewordings });
    const changes = OTHER_FIELDS.filter((field) => !same(comparable(old[field]), comparable(indicator[field]))).map((field) => ({ field, before: old[field], after: indicator[field] }));
    if (changes.length > 0) diff.indicatorsChanged.push({ id: indicator.id, label: indicator.label, changes });
  }
  diff.indicatorsRemoved = from.indicators.filter((i) => !after.has(i.id));

  const dimensionsBefore = new Map(from.dimensions.map((d) => [d.id, d]));
  const dimensionsAfter = new Set(to.dimensions.map((d) => d.id));
  for (const dimension of to.dimensions) {
    const old = dimensionsBefore.get(dimension.id);
    if (!old) {
      diff.dimensionsAdded.push(dimension);
      continue;
    }
    const fields = (["label", "description", "weight"] as const).filter((field) => !same(old[field], dimension[field]));
    if (fields.length > 0) diff.dimensionsChanged.push({ id: dimension.id, label: dimension.label, fields });
  }
  diff.dimensionsRemoved = from.dimensions.filter((d) => !dimensionsAfter.has(d.id));
  return diff;
}

/** True when the two versions define the same dimensions and indicators. */
export function isEmptyDiff(diff: FrameworkDiff): boolean {
  return Object.values(diff).every((list) => list.length === 0);
}
