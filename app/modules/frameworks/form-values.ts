// Definition → editor form: the values a form starts with when it edits an existing item.
// The reverse (form → definition) is applyDraftEdit in editor.ts; together they round-trip.
import type { Dimension, Framework, Indicator, Scale, Source, StakeholderGroup } from "../../../evaluation-frameworks/schema";
import { choiceOptionsText } from "./editor";
import type { DimensionForm, GroupForm, IndicatorForm, MetadataForm, ScaleForm, SourceForm } from "./editor-forms";

// Keyed by the form's schema, so each form's `fields.x` is known to exist; values as a form sends them.
type FormValues<Form> = { [Field in keyof Form]?: NonNullable<Form[Field]> extends readonly unknown[] ? string[] : string };
const num = (value: number | undefined) => (value === undefined ? undefined : String(value));

export function metadataValues(definition: Framework): FormValues<MetadataForm> {
  return {
    titleFr: definition.title.fr,
    titleEn: definition.title.en,
    descriptionFr: definition.description.fr,
    descriptionEn: definition.description.en,
    k: String(definition.privacy.k),
    kFreeText: String(definition.privacy.kFreeText),
  };
}

export function dimensionValues(dimension: Dimension | undefined): FormValues<DimensionForm> {
  if (!dimension) return { weight: "1" };
  return { id: dimension.id, labelFr: dimension.label.fr, labelEn: dimension.label.en, descriptionFr: dimension.description.fr, descriptionEn: dimension.description.en, weight: String(dimension.weight) };
}

/** A new indicator starts asked to everyone, on the first scale, with every source unticked. */
export function indicatorValues(indicator: Indicator | undefined, definition: Framework): FormValues<IndicatorForm> {
  if (!indicator) {
    return { dimension: definition.dimensions[0]?.id, level: "resultat", kind: "question", scale: definition.scales[0]?.id, polarity: "positive", audiences: definition.stakeholderGroups.map((g) => g.id), required: undefined, weight: "1" };
  }
  return {
    id: indicator.id,
    dimension: indicator.dimension,
    level: indicator.level,
    kind: indicator.kind,
    labelFr: indicator.label.fr,
    labelEn: indicator.label.en,
    questionFr: indicator.question.fr,
    questionEn: indicator.question.en,
    helpFr: indicator.help?.fr,
    helpEn: indicator.help?.en,
    scale: indicator.scale,
    polarity: indicator.polarity,
    audiences: indicator.audiences,
    sources: indicator.sources,
    required: indicator.required ? "on" : undefined,
    weight: String(indicator.weight),
    baseline: num(indicator.baseline),
    target: num(indicator.target),
    noteFr: indicator.note?.fr,
    noteEn: indicator.note?.en,
    minN: num(indicator.minN),
  };
}

export function groupValues(group: StakeholderGroup | undefined): FormValues<GroupForm> {
  if (!group) return {};
  return { id: group.id, labelFr: group.label.fr, labelEn: group.label.en, descriptionFr: group.description?.fr, descriptionEn: group.description?.en };
}

export function sourceValues(source: Source | undefined): FormValues<SourceForm> {
  if (!source) return { year: String(new Date().getFullYear()) };
  return { id: source.id, title: source.title, publisher: source.publisher, year: String(source.year), url: source.url };
}

export function scaleValues(scale: Scale): FormValues<ScaleForm> {
  switch (scale.type) {
    case "likert":
      return { id: scale.id, labelsFr: scale.labels.map((l) => l.fr).join("\n"), labelsEn: scale.labels.map((l) => l.en).join("\n") };
    case "number":
      return { id: scale.id, unitFr: scale.unit.fr, unitEn: scale.unit.en, min: String(scale.min), max: String(scale.max), integer: scale.integer ? "on" : undefined };
    case "choice":
      return { id: scale.id, options: choiceOptionsText(scale) };
    case "rating":
      return { id: scale.id, minLabelFr: scale.minLabel.fr, minLabelEn: scale.minLabel.en, maxLabelFr: scale.maxLabel.fr, maxLabelEn: scale.maxLabel.en };
    case "text":
      return { id: scale.id, maxLength: String(scale.maxLength) };
    case "yes_no":
      return { id: scale.id };
  }
}

/** Scales the editor can change: all but yes / no, whose two answers are fixed. */
export const isEditableScale = (scale: Scale) => scale.type !== "yes_no";
