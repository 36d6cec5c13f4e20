// Form → definition: each editor form becomes one pure change of a draft's definition.
// The result is then checked whole by parseFrameworkFile (draft-edit.server.ts), and its issues
// are mapped back onto the form's fields by issuesToFields().
import type { Dimension, Framework, FrameworkIssue, Indicator, LocalizedText, Scale, Source, StakeholderGroup } from "../../../evaluation-frameworks/schema";
import type { DimensionForm, GroupForm, IndicatorForm, MetadataForm, NewScaleForm, ScaleForm, SourceForm } from "./editor-forms";
import { slugify, uniqueId } from "./slug";

export type DraftEdit =
  | { kind: "metadata"; input: MetadataForm }
  | { kind: "dimension"; input: DimensionForm }
  | { kind: "removeDimension"; id: string }
  | { kind: "indicator"; input: IndicatorForm }
  | { kind: "removeIndicator"; id: string }
  | { kind: "group"; input: GroupForm }
  | { kind: "removeGroup"; id: string }
  | { kind: "source"; input: SourceForm }
  | { kind: "removeSource"; id: string }
  | { kind: "scale"; input: ScaleForm }
  | { kind: "removeScale"; id: string }
  | { kind: "newScale"; input: NewScaleForm };

/**
 * An expected refusal: an i18n key, shown at `field` or above the form. `namedParams` are texts
 * in both languages (indicators' names), put in the page's language by the route.
 */
export type EditRefusal = { key: string; params?: Record<string, string | number>; namedParams?: Record<string, LocalizedText>; field?: string };
/** `path` is where the edited item sits ("indicators[3]"), to map the definition's issues to fields. */
export type EditResult = { ok: true; definition: Framework; path: string; itemId?: string } | { ok: false; refusal: EditRefusal };

const pair = (fr: string, en: string): LocalizedText => ({ fr, en });
/** An optional text pair: left out when both are empty, kept (and checked) when one is given. */
const optionalPair = (fr?: string, en?: string): LocalizedText | undefined => (fr || en ? { fr: fr ?? "", en: en ?? "" } : undefined);
const unknownItem: EditResult = { ok: false, refusal: { key: "frameworks.errors.unknownItem" } };

function upsert<T extends { id: string }>(items: readonly T[], id: string | undefined, base: string, build: (id: string, old?: T) => T, reserved: readonly string[] = []) {
  if (id) {
    const index = items.findIndex((item) => item.id === id);
    if (index < 0) return undefined;
    const list = [...items];
    list[index] = build(id, items[index]);
    return { list, index, id };
  }
  const newId = uniqueId(base, [...items.map((item) => item.id), ...reserved]);
  return { list: [...items, build(newId)], index: items.length, id: newId };
}

/**
 * `retiredIndicatorIds`: ids used by earlier versions (or the original framework). A new indicator
 * never takes one, so a removed indicator's past results are never mixed with a new question's.
 */
export function applyDraftEdit(definition: Framework, edit: DraftEdit, retiredIndicatorIds: readonly string[] = [], year = new Date().getUTCFullYear()): EditResult {
  switch (edit.kind) {
    case "metadata": {
      const { input } = edit;
      return {
        ok: true,
        path: "",
        definition: { ...definition, title: pair(input.titleFr, input.titleEn), description: pair(input.descriptionFr, input.descriptionEn), privacy: { k: input.k, kFreeText: input.kFreeText } },
      };
    }
    case "dimension": {
      const { input } = edit;
      const result = upsert(definition.dimensions, input.id, slugify(input.labelFr, "_", "dimension"), (id): Dimension => ({
        id,
        label: pair(input.labelFr, input.labelEn),
        description: pair(input.descriptionFr, input.descriptionEn),
        weight: input.weight,
      }));
      if (!result) return unknownItem;
      return { ok: true, definition: { ...definition, dimensions: result.list }, path: `dimensions[${result.index}]`, itemId: result.id };
    }
    case "removeDimension": {
      if (!definition.dimensions.some((d) => d.id === edit.id)) return unknownItem;
      const inside = definition.indicators.filter((i) => i.dimension === edit.id);
      if (inside.length > 0) return { ok: false, refusal: { key: "frameworks.errors.dimensionHasIndicators", params: { count: inside.length }, namedParams: { indicators: namedIndicators(inside) } } };
      return { ok: true, definition: { ...definition, dimensions: definition.dimensions.filter((d) => d.id !== edit.id) }, path: "dimensions" };
    }
    case "indicator": {
      const { input } = edit;
      // No document ticked: the indicator is the council's own, and says so as its source.
      const withOwn = input.sources?.length ? { sources: definition.sources, cited: input.sources } : citeOwnChoice(definition.sources, year);
      const result = upsert(definition.indicators, input.id, slugify(input.labelFr, "_", "indicateur"), (id, old): Indicator => {
        const indicator: Indicator = {
          id,
          dimension: input.dimension,
          level: input.level,
          kind: input.kind,
          label: pair(input.labelFr, input.labelEn ?? ""),
          question: pair(input.questionFr, input.questionEn ?? ""),
          scale: input.scale,
          polarity: input.polarity,
          audiences: [...new Set(input.audiences)],
          required: input.required,
          weight: input.weight,
          sources: [...new Set(withOwn.cited)],
        };
        const help = optionalPair(input.helpFr, input.helpEn);
        if (help) indicator.help = help;
        const note = optionalPair(input.noteFr, input.noteEn);
        if (note) indicator.note = note;
        // The form cannot edit a formula yet: a computed rate keeps the one it had.
        if (input.kind === "computed" && old?.formula) indicator.formula = old.formula;
        if (input.baseline !== undefined) indicator.baseline = input.baseline;
        if (input.target !== undefined) indicator.target = input.target;
        if (input.minN !== undefined) indicator.minN = input.minN;
        return indicator;
      }, retiredIndicatorIds);
      if (!result) return unknownItem;
      return { ok: true, definition: { ...definition, sources: withOwn.sources, indicators: result.list }, path: `indicators[${result.index}]`, itemId: result.id };
    }
    case "removeIndicator": {
      if (!definition.indicators.some((i) => i.id === edit.id)) return unknownItem;
      if (definition.indicators.length === 1) return { ok: false, refusal: { key: "frameworks.errors.lastIndicator" } };
      return { ok: true, definition: { ...definition, indicators: definition.indicators.filter((i) => i.id !== edit.id) }, path: "indicators" };
    }
    case "group": {
      const { input } = edit;
      const result = upsert(definition.stakeholderGroups, input.id, slugify(input.labelFr, "_", "groupe"), (id): StakeholderGroup => {
        const description = optionalPair(input.descriptionFr, input.descriptionEn);
        return description ? { id, label: pair(input.labelFr, input.labelEn), description } : { id, label: pair(input.labelFr, input.labelEn) };
      });
      if (!result) return unknownItem;
      return { ok: true, definition: { ...definition, stakeholderGroups: result.list }, path: `stakeholderGroups[${result.index}]`, itemId: result.id };
    }
    case "removeGroup": {
      if (!definition.stakeholderGroups.some((g) => g.id === edit.id)) return unknownItem;
      const asked = definition.indicators.filter((i) => i.audiences.includes(edit.id));
      if (asked.length > 0) return { ok: false, refusal: { key: "frameworks.errors.groupHasIndicators", params: { count: asked.length }, namedParams: { indicators: namedIndicators(asked) } } };
      if (definition.stakeholderGroups.length === 1) return { ok: false, refusal: { key: "frameworks.errors.lastGroup" } };
      return { ok: true, definition: { ...definition, stakeholderGroups: definition.stakeholderGroups.filter((g) => g.id !== edit.id) }, path: "stakeholderGroups" };
    }
    case "source": {
      const { input } = edit;
      const result = upsert(definition.sources, input.id, slugify(`${input.publisher} ${input.year}`, "-", "source"), (id, old): Source => {
        const source: Source = { id, title: input.title, publisher: input.publisher, year: input.year };
        if (input.url) source.url = input.url;
        if (old?.note) source.note = old.note;
        return source;
      });
      if (!result) return unknownItem;
      return { ok: true, definition: { ...definition, sources: result.list }, path: `sources[${result.index}]`, itemId: result.id };
    }
    case "removeSource": {
      if (!definition.sources.some((s) => s.id === edit.id)) return unknownItem;
      const citing = definition.indicators.filter((i) => i.sources.includes(edit.id));
      if (citing.length > 0) return { ok: false, refusal: { key: "frameworks.errors.sourceCited", params: { count: citing.length }, namedParams: { indicators: namedIndicators(citing) } } };
      if (definition.sources.length === 1) return { ok: false, refusal: { key: "frameworks.errors.lastSource" } };
      return { ok: true, definition: { ...definition, sources: definition.sources.filter((s) => s.id !== edit.id) }, path: "sources" };
    }
    case "scale":
      return applyScaleForm(definition, edit.input);
    case "removeScale": {
      if (!definition.scales.some((s) => s.id === edit.id)) return unknownItem;
      const using = definition.indicators.filter((i) => i.scale === edit.id);
      if (using.length > 0) return { ok: false, refusal: { key: "frameworks.errors.scaleUsed", params: { count: using.length }, namedParams: { indicators: namedIndicators(using) } } };
      if (definition.scales.length === 1) return { ok: false, refusal: { key: "frameworks.errors.lastScale" } };
      return { ok: true, definition: { ...definition, scales: definition.scales.filter((s) => s.id !== edit.id) }, path: "scales" };
    }
    case "newScale": {
      const id = uniqueId(NEW_SCALE_IDS[edit.input.type], definition.scales.map((s) => s.id));
      return { ok: true, definition: { ...definition, scales: [...definition.scales, defaultScale(id, edit.input.type)] }, path: `scales[${definition.scales.length}]`, itemId: id };
    }
  }
}

/** A new scale's id says what it is in words (never shown on screen, but read in exported files). */
const NEW_SCALE_IDS: Record<NewScaleForm["type"], string> = { likert: "accord_5_niveaux", yes_no: "oui_non", number: "nombre", choice: "liste_de_choix", text: "texte_libre" };

/** The source every indicator without a document cites: the council's own choice (one, shared). */
export const OWN_CHOICE_SOURCE_ID = "choix-de-la-collectivite";

function citeOwnChoice(sources: readonly Source[], year: number): { sources: Source[]; cited: string[] } {
  if (sources.some((s) => s.id === OWN_CHOICE_SOURCE_ID)) return { sources: [...sources], cited: [OWN_CHOICE_SOURCE_ID] };
  const own: Source = { id: OWN_CHOICE_SOURCE_ID, title: "Indicateur choisi par la collectivité", publisher: "La collectivité", year };
  return { sources: [...sources, own], cited: [OWN_CHOICE_SOURCE_ID] };
}

/** The indicators that block a removal, by their short names (five at most, then « … »). */
function namedIndicators(indicators: readonly Indicator[]): LocalizedText {
  const more = indicators.length > 5 ? ", …" : "";
  const shown = indicators.slice(0, 5);
  return { fr: shown.map((i) => `«\u00a0${i.label.fr}\u00a0»`).join(", ") + more, en: shown.map((i) => `“${i.label.en || i.label.fr}”`).join(", ") + more };
}

const lines = (text?: string) => (text ?? "").split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

function applyScaleForm(definition: Framework, input: ScaleForm): EditResult {
  const index = definition.scales.findIndex((s) => s.id === input.id);
  const old = definition.scales[index];
  if (!old) return unknownItem;
  let scale: Scale;
  switch (old.type) {
    case "likert": {
      const fr = lines(input.labelsFr);
      const en = lines(input.labelsEn);
      if (fr.length !== old.points) return { ok: false, refusal: { key: "frameworks.errors.likertLabels", params: { points: old.points }, field: "labelsFr" } };
      if (en.length !== old.points) return { ok: false, refusal: { key: "frameworks.errors.likertLabels", params: { points: old.points }, field: "labelsEn" } };
      scale = { ...old, labels: fr.map((text, i) => pair(text, en[i] ?? "")) };
      break;
    }
    case "number":
      if (input.min === undefined) return { ok: false, refusal: { key: "frameworks.errors.number", field: "min" } };
      if (input.max === undefined || input.max <= input.min) return { ok: false, refusal: { key: "frameworks.errors.maxAboveMin", field: "max" } };
      scale = { ...old, unit: pair(input.unitFr ?? "", input.unitEn ?? ""), min: input.min, max: input.max, integer: input.integer };
      break;
    case "rating": {
      const missing = (["minLabelFr", "minLabelEn", "maxLabelFr", "maxLabelEn"] as const).find((field) => !input[field]);
      if (missing) return { ok: false, refusal: { key: "frameworks.errors.textRequired", field: missing } };
      scale = { ...old, minLabel: pair(input.minLabelFr!, input.minLabelEn!), maxLabel: pair(input.maxLabelFr!, input.maxLabelEn!) };
      break;
    }
    case "text":
      if (input.maxLength === undefined) return { ok: false, refusal: { key: "frameworks.errors.maxLength", field: "maxLength" } };
      scale = { ...old, maxLength: input.maxLength };
      break;
    case "choice": {
      const optionLines = lines(input.options);
      // New values must not take a value another line keeps.
      const taken = new Set(optionLines.flatMap((line) => line.split("|")[0]?.trim() || []));
      const options: Extract<Scale, { type: "choice" }>["options"] = [];
      for (const [n, line] of optionLines.entries()) {
        const parts = line.split("|").map((part) => part.trim());
        if (parts.length < 3 || parts.length > 4 || !parts[1] || !parts[2]) return { ok: false, refusal: { key: "frameworks.errors.optionLine", params: { line: n + 1 }, field: "options" } };
        const score = parts[3] ? Number(parts[3].replace(",", ".")) : undefined;
        if (score !== undefined && !(score >= 0 && score <= 100)) return { ok: false, refusal: { key: "frameworks.errors.optionScore", params: { line: n + 1 }, field: "options" } };
        // An existing option keeps its stored value; a new line gets one from its French label.
        const value = parts[0] || uniqueId(slugify(parts[1], "_", "option"), taken);
        taken.add(value);
        options.push(score === undefined ? { value, label: pair(parts[1], parts[2]) } : { value, label: pair(parts[1], parts[2]), score });
      }
      scale = { ...old, options };
      break;
    }
    case "yes_no":
      return { ok: false, refusal: { key: "frameworks.errors.scaleNotEditable" } };
  }
  const scales = [...definition.scales];
  scales[index] = scale;
  return { ok: true, definition: { ...definition, scales }, path: `scales[${index}]`, itemId: scale.id };
}

/** « | libellé | label | score » lines of a choice scale, as the form shows them. */
export function choiceOptionsText(scale: Extract<Scale, { type: "choice" }>): string {
  return scale.options.map((o) => [o.value, o.label.fr, o.label.en, o.score ?? ""].join(" | ").trimEnd().replace(/\|$/, "").trimEnd()).join("\n");
}

function defaultScale(id: string, type: NewScaleForm["type"]): Scale {
  switch (type) {
    case "likert":
      return {
        id,
        type,
        points: 5,
        labels: [pair("Pas du tout d'accord", "Strongly disagree"), pair("Plutôt pas d'accord", "Disagree"), pair("Ni d'accord ni pas d'accord", "Neither agree nor disagree"), pair("Plutôt d'accord", "Agree"), pair("Tout à fait d'accord", "Strongly agree")],
      };
    case "yes_no":
      return { id, type };
    case "number":
      return { id, type, unit: pair("personnes", "people"), min: 0, max: 10000, integer: true };
    case "choice":
      return { id, type, multiple: false, options: [{ value: "oui", label: pair("Oui", "Yes"), score: 100 }, { value: "non", label: pair("Non", "No"), score: 0 }] };
    case "text":
      return { id, type, maxLength: 1000 };
  }
}

/**
 * While editing, a dimension may be empty for a moment: adding a dimension comes before adding
 * its indicators, and emptying one comes before removing it. That issue (path "dimensions[n]",
 * rules.ts) does not block a draft's save; publishing still requires a fully valid file.
 */
export function isToleratedInDraft(issue: FrameworkIssue): boolean {
  return /^dimensions\[\d+\]$/.test(issue.path);
}

/**
 * Puts the definition's issues next to the form's fields: "indicators[3].question.en" →
 * questionEn when the form edits indicators[3]. Issues elsewhere go above the form.
 */
export function issuesToFields(issues: readonly FrameworkIssue[], itemPath: string, fields: readonly string[]) {
  const fieldErrors: Record<string, LocalizedText[]> = {};
  const formErrors: LocalizedText[] = [];
  const known = new Set(fields);
  for (const issue of issues) {
    const rest = itemPath && issue.path.startsWith(`${itemPath}.`) ? issue.path.slice(itemPath.length + 1) : itemPath ? undefined : issue.path;
    const field = rest === undefined ? undefined : fieldName(rest);
    if (field && known.has(field)) (fieldErrors[field] ??= []).push(issue.message);
    else formErrors.push({ fr: `${issue.path} : ${issue.message.fr}`, en: `${issue.path}: ${issue.message.en}` });
  }
  return { fieldErrors, formErrors };
}

/** "question.fr" → questionFr, "audiences[1]" → audiences, "privacy.k" → k, "title.en" → titleEn. */
export function fieldName(path: string): string {
  const parts = path.replace(/\[\d+\]/g, "").split(".").filter(Boolean);
  if (parts[0] === "privacy") parts.shift();
  return parts.map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1))).join("");
}
