// The editor's forms, one per item. Field names are flat (labelFr, questionEn…) so a form works
// without JavaScript and each error lands next to its input. Messages are i18n keys
// (app/i18n/messages/frameworks.ts). The whole definition is then checked by parseFrameworkFile.
import { z } from "zod";
import { INDICATOR_KINDS } from "../../../evaluation-frameworks/rules";
import { INDICATOR_LEVELS, POLARITIES, type IndicatorKind, type ScaleType } from "../../../evaluation-frameworks/schema";

const text = (max: number, key = "frameworks.errors.textRequired") => z.string({ error: key }).trim().min(1, key).max(max, "frameworks.errors.textTooLong");
const optionalText = (max: number) => z.string().trim().max(max, "frameworks.errors.textTooLong").optional();
const weight = z.number({ error: "frameworks.errors.weight" }).gt(0, "frameworks.errors.weight").max(100, "frameworks.errors.weight");
const optionalNumber = z.number({ error: "frameworks.errors.number" }).min(-1e9, "frameworks.errors.number").max(1e9, "frameworks.errors.number").optional();
/** An existing item's id (hidden field); empty for a new one. Never an arbitrary string. */
const itemId = z.string().regex(/^[a-z][a-z0-9_-]{0,80}$/, "frameworks.errors.unknownItem").optional();

export const metadataFormSchema = z.object({
  titleFr: text(120),
  titleEn: text(120),
  descriptionFr: text(2000),
  descriptionEn: text(2000),
  k: z.number({ error: "frameworks.errors.k" }).int("frameworks.errors.k").min(3, "frameworks.errors.k").max(50, "frameworks.errors.k"),
  kFreeText: z.number({ error: "frameworks.errors.kFreeText" }).int("frameworks.errors.kFreeText").min(3, "frameworks.errors.kFreeText").max(100, "frameworks.errors.kFreeText"),
});

export const dimensionFormSchema = z.object({
  id: itemId,
  labelFr: text(120),
  labelEn: text(120),
  descriptionFr: text(1000),
  descriptionEn: text(1000),
  weight,
});

export { INDICATOR_LEVELS as LEVELS, POLARITIES };
/** The kinds a person picks in the editor; a computed rate needs a formula, not editable yet. */
export const KINDS = ["question", "reported_figure"] as const satisfies readonly IndicatorKind[];

export const indicatorFormSchema = z.object({
  id: itemId,
  dimension: z.string({ error: "frameworks.errors.chooseDimension" }).min(1, "frameworks.errors.chooseDimension").max(100),
  level: z.enum(INDICATOR_LEVELS, { error: "frameworks.errors.chooseOne" }),
  /** "computed" comes only from an existing computed indicator: its formula is kept, not edited here. */
  kind: z.enum(INDICATOR_KINDS, { error: "frameworks.errors.chooseOne" }),
  labelFr: text(120),
  /** English is optional for a council's own indicator: the French then shows, marked as French. */
  labelEn: optionalText(120),
  questionFr: text(500),
  questionEn: optionalText(500),
  helpFr: optionalText(1000),
  helpEn: optionalText(1000),
  scale: z.string({ error: "frameworks.errors.chooseScale" }).min(1, "frameworks.errors.chooseScale").max(100),
  polarity: z.enum(POLARITIES, { error: "frameworks.errors.chooseOne" }),
  audiences: z.array(z.string().max(100), { error: "frameworks.errors.chooseAudiences" }).min(1, "frameworks.errors.chooseAudiences"),
  /** Optional: an indicator with no document behind it cites the council's own choice (editor.ts). */
  sources: z.array(z.string().max(100)).optional(),
  required: z.boolean().default(false),
  weight,
  baseline: optionalNumber,
  target: optionalNumber,
  /** For the council only, never shown to respondents: how to adapt the indicator. */
  noteFr: optionalText(1000),
  noteEn: optionalText(1000),
  /** At least k: rules.ts checks it against the framework's k and the message lands here. */
  minN: z.number({ error: "frameworks.errors.minN" }).int("frameworks.errors.minN").min(1, "frameworks.errors.minN").max(10000, "frameworks.errors.minN").optional(),
});

export const groupFormSchema = z.object({
  id: itemId,
  labelFr: text(80),
  labelEn: text(80),
  descriptionFr: optionalText(500),
  descriptionEn: optionalText(500),
});

/** A document an indicator comes from: a network's guide, a law, or the council's own decision. */
export const sourceFormSchema = z.object({
  id: itemId,
  title: text(300),
  publisher: text(200),
  year: z.number({ error: "frameworks.errors.year" }).int("frameworks.errors.year").min(1900, "frameworks.errors.year").max(2100, "frameworks.errors.year"),
  url: z.url({ protocol: /^https?$/, error: "frameworks.errors.url" }).max(500, "frameworks.errors.textTooLong").optional(),
});

/**
 * A scale's words: Likert labels, the 0–10 rating's end labels, a number's unit and bounds, choice
 * options (one per line), or a free text's maximum length. Only the fields of the scale's type are sent.
 */
export const scaleFormSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_-]{0,80}$/, "frameworks.errors.unknownItem"),
  labelsFr: optionalText(1000),
  labelsEn: optionalText(1000),
  unitFr: optionalText(40),
  unitEn: optionalText(40),
  min: optionalNumber,
  max: optionalNumber,
  integer: z.boolean().default(false),
  options: optionalText(5000),
  minLabelFr: optionalText(80),
  minLabelEn: optionalText(80),
  maxLabelFr: optionalText(80),
  maxLabelEn: optionalText(80),
  maxLength: z.number({ error: "frameworks.errors.maxLength" }).int("frameworks.errors.maxLength").min(1, "frameworks.errors.maxLength").max(10000, "frameworks.errors.maxLength").optional(),
});

export const NEW_SCALE_TYPES = ["likert", "yes_no", "number", "choice", "text"] as const satisfies readonly ScaleType[];
export const newScaleFormSchema = z.object({ type: z.enum(NEW_SCALE_TYPES, { error: "frameworks.errors.chooseOne" }) });

export const removeFormSchema = z.object({ id: z.string().regex(/^[a-z][a-z0-9_-]{0,80}$/, "frameworks.errors.unknownItem") });

export type MetadataForm = z.infer<typeof metadataFormSchema>;
export type DimensionForm = z.infer<typeof dimensionFormSchema>;
export type IndicatorForm = z.infer<typeof indicatorFormSchema>;
export type GroupForm = z.infer<typeof groupFormSchema>;
export type ScaleForm = z.infer<typeof scaleFormSchema>;
export type SourceForm = z.infer<typeof sourceFormSchema>;
export type NewScaleForm = z.infer<typeof newScaleFormSchema>;

/** Forking: which version, and the name the council gives its copy. */
export const forkFormSchema = z.object({
  versionId: z.string({ error: "frameworks.errors.unknownItem" }).min(1, "frameworks.errors.unknownItem").max(100),
  titleFr: text(120),
  titleEn: text(120),
});
