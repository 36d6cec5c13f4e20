// The shape of an evaluation framework file (cadre d'évaluation) and how it is checked.
//
// Framework files are JSON, not YAML: JSON needs no extra parser, and editors validate and
// complete it with framework.schema.json (generated from this file by
// `npm run frameworks:check -- --write-json-schema`; the check fails when the two drift).
// Each file starts with "$schema": "./framework.schema.json".
//
// parseFrameworkFile() runs this zod schema (shape and per-field bounds), then the
// cross-reference rules of rules.ts, and answers with issues that say in French and English
// what is wrong, where ("indicators[3].scale") and how to fix it.
import { z } from "zod";
import type { CheckKey } from "../app/i18n/messages/framework-checks";
import type { Message } from "../app/modules/failure";
import { ID_PATTERN, INDICATOR_KINDS, MIN_K, OPTION_VALUE_PATTERN, VERSION_PATTERN, check, checkFrameworkRules, formatPath, messages } from "./rules";

const id = z.string().regex(ID_PATTERN);
const idRef = z.string().min(1);

export const localizedTextSchema = z
  .strictObject({ fr: z.string().min(1), en: z.string().min(1) })
  .meta({ id: "LocalizedText", description: "Texte en français puis en anglais, les deux obligatoires. — Text in French then English, both required." });

/**
 * An indicator's own texts: French required, English optional (empty), so a council can write its
 * own indicator in French only; screens then show the French, marked as French.
 */
export const indicatorTextSchema = z
  .strictObject({ fr: z.string().min(1), en: z.string() })
  .meta({ id: "IndicatorText", description: "Texte en français (obligatoire) puis en anglais (facultatif : vide, le français s'affiche). — Text in French (required) then English (optional: when empty, the French shows)." });

export const sourceSchema = z
  .strictObject({
    id: id.describe("Identifiant cité par les indicateurs. — Id cited by indicators."),
    title: z.string().min(1).describe("Titre du document, tel qu'il est publié. — Document title, as published."),
    publisher: z.string().min(1).describe("Qui l'a publié (réseau, ministère, auteur…). — Who published it."),
    year: z.int().min(1900).max(2100).describe("Année de publication. — Year of publication."),
    url: z.url().optional().describe("Adresse du document, seulement si elle est sûre. — Address, only when certain."),
    note: localizedTextSchema.optional().describe("Précision sur le document (articles cités, date estimée…). — Note on the document."),
  })
  .meta({ id: "Source" });

const stakeholderGroupSchema = z
  .strictObject({
    id: id.describe("Ex. residents, beneficiaries, associations, council, employers."),
    label: localizedTextSchema,
    description: localizedTextSchema.optional(),
  })
  .meta({ id: "StakeholderGroup", description: "Partie prenante interrogée (habitants, associations…). — Stakeholder group asked." });

const scaleId = id.describe("Identifiant cité par le champ « scale » des indicateurs. — Id cited by indicators' \"scale\".");
export const scaleSchema = z
  .discriminatedUnion("type", [
    z.strictObject({ id: scaleId, type: z.literal("likert"), points: z.literal(5), labels: z.array(localizedTextSchema).describe("Un libellé par point, du plus faible au plus fort. — One label per point, low to high.") }),
    z.strictObject({ id: scaleId, type: z.literal("rating"), min: z.literal(0), max: z.literal(10), minLabel: localizedTextSchema, maxLabel: localizedTextSchema }),
    z.strictObject({ id: scaleId, type: z.literal("yes_no") }),
    z.strictObject({
      id: scaleId,
      type: z.literal("choice"),
      multiple: z.boolean().describe("true : plusieurs réponses possibles. — true: several answers allowed."),
      options: z.array(
        z.strictObject({
          value: z.string().regex(OPTION_VALUE_PATTERN).describe("Valeur enregistrée, stable entre versions. — Stored value, stable across versions."),
          label: localizedTextSchema,
          score: z.number().min(0).max(100).optional().describe("Score 0–100 de l'option (plus haut = meilleur impact). Sans score, l'option n'entre pas dans le score de la dimension. — 0–100 score; options without a score are not scored."),
        }),
      ),
    }),
    z.strictObject({ id: scaleId, type: z.literal("number"), unit: localizedTextSchema, min: z.number(), max: z.number(), integer: z.boolean() }),
    z.strictObject({ id: scaleId, type: z.literal("text"), maxLength: z.int().min(1).max(10000).describe("Longueur maximale de la réponse, en caractères. — Maximum answer length, in characters.") }),
  ])
  .meta({ id: "Scale", description: "Échelle de réponse : likert, rating (0–10), yes_no, choice, number ou text. — Answer scale." });

export const dimensionSchema = z
  .strictObject({
    id: id.describe("Ex. pouvoir_agir, emploi_qualite, developpement_local."),
    label: localizedTextSchema,
    description: localizedTextSchema,
    weight: z.number().positive().describe("Poids dans la vue d'ensemble (> 0). — Weight in the overview (> 0)."),
  })
  .meta({ id: "Dimension", description: "Une part de l'impact, notée de 0 à 100. — A part of impact, scored 0–100." });

const figureIds = z.array(idRef).min(1);
export const formulaSchema = z
  .strictObject({
    numerator: figureIds.describe("Chiffres déclarés additionnés au numérateur (identifiants d'indicateurs « reported_figure »). — Reported figures added up on top."),
    denominator: figureIds.describe("Chiffres déclarés additionnés au dénominateur. — Reported figures added up below."),
    multiplier: z.number().positive().describe("Multiplicateur : 100 pour un pourcentage, 10 pour « pour 10 personnes », 1 pour un simple rapport. — 100 for a percentage, 10 for \"per 10 people\", 1 for a plain ratio."),
  })
  .meta({ id: "Formula", description: "valeur = multiplicateur × somme(numérateur) ÷ somme(dénominateur) ; pas de valeur quand le dénominateur vaut 0 ou qu'un chiffre manque. — value = multiplier × sum(numerator) ÷ sum(denominator); no value when the denominator is 0 or a figure is missing." });

/** Réalisation, résultat, impact: what an indicator measures, from what is done to what lasts. */
export const INDICATOR_LEVELS = ["realisation", "resultat", "impact"] as const;
/** negative: a higher answer means a worse impact. */
export const POLARITIES = ["positive", "negative"] as const;

export const indicatorSchema = z
  .strictObject({
    id: id.describe("Stable d'une version à l'autre pour comparer les campagnes. — Stable across versions so campaigns compare."),
    dimension: idRef.describe("Identifiant d'une dimension. — A dimension id."),
    level: z.enum(INDICATOR_LEVELS).describe("Réalisation (ce qui est fait), résultat (effet direct) ou impact (changement durable). — Output, outcome or impact."),
    kind: z
      .enum(INDICATOR_KINDS)
      .describe("question : posée en enquête ; reported_figure : chiffre déclaré par une association ou la collectivité ; computed : taux calculé par l'application à partir de chiffres déclarés (champ « formula »), jamais saisi. — Asked in surveys; a figure reported; or a rate computed from reported figures (\"formula\"), never typed."),
    label: indicatorTextSchema.describe("Nom court pour les graphiques et tableaux. — Short name for charts and tables."),
    question: indicatorTextSchema.describe("La question en langage simple, sans sigle non expliqué. — The question in plain language, no unexplained acronym."),
    help: indicatorTextSchema.optional().describe("Aide affichée sous la question. — Help shown under the question."),
    note: indicatorTextSchema.optional().describe("Note pour la collectivité (non montrée aux répondants) : comment adapter l'indicateur. — Note for the council, not shown to respondents."),
    scale: idRef.describe("Identifiant d'une échelle. — A scale id."),
    polarity: z.enum(POLARITIES).describe("negative : une réponse plus haute veut dire un impact moins bon. — negative: a higher answer means worse impact."),
    audiences: z.array(idRef).min(1).describe("Parties prenantes interrogées (ou qui déclarent le chiffre). — Groups asked (or who report the figure)."),
    required: z.boolean(),
    weight: z.number().positive().describe("Poids dans sa dimension (> 0). — Weight within its dimension (> 0)."),
    formula: formulaSchema.optional().describe("Seulement pour « computed » : comment le taux se calcule à partir des chiffres déclarés. — Only for \"computed\": how the rate is computed from reported figures."),
    baseline: z.number().optional().describe("Valeur de départ, dans l'unité de l'échelle (yes_no : % de oui ; choice : score 0–100). Sans valeur de départ, le chemin vers la cible se mesure depuis 0. — Baseline, in the scale's unit; without one, progress toward the target is measured from 0."),
    target: z.number().optional().describe("Cible, dans l'unité de l'échelle. Un chiffre déclaré ou un taux calculé n'entre dans le score 0–100 de sa dimension que par le chemin parcouru vers sa cible : 100 × (valeur − départ) ÷ (cible − départ), borné entre 0 et 100 ; sans cible, il est montré mais jamais noté. Obligatoire pour « computed ». — Target, in the scale's unit. A reported figure or computed rate enters its dimension's 0–100 score only as progress toward its target: 100 × (value − baseline) ÷ (target − baseline), kept within 0–100; without a target it is shown, never scored. Required for \"computed\"."),
    minN: z.int().min(1).optional().describe("Nombre minimal de réponses pour montrer un résultat, au moins k. — Minimum answers to show a result, at least k."),
    sources: z.array(idRef).min(1).describe("Identifiants des sources d'où vient l'indicateur. — Ids of the sources it comes from."),
  })
  .meta({ id: "Indicator", description: "Une chose mesurée : une question ou un chiffre déclaré. — One measured thing." });

export const frameworkSchema = z
  .strictObject({
    $schema: z.string().optional().describe('Toujours "./framework.schema.json". — Always "./framework.schema.json".'),
    id: id.describe("Identifiant stable, en minuscules avec tirets ; le fichier s'appelle <id>.json. — Stable id; the file is named <id>.json."),
    version: z.string().regex(VERSION_PATTERN).describe('Version "majeur.mineur.correctif", ex. "1.0.0". — Version "major.minor.patch".'),
    locales: z.array(z.enum(["fr", "en"])).min(1).describe('Toujours ["fr", "en"]. — Always ["fr", "en"].'),
    title: localizedTextSchema,
    description: localizedTextSchema,
    sources: z.array(sourceSchema).min(1),
    stakeholderGroups: z.array(stakeholderGroupSchema).min(1),
    scales: z.array(scaleSchema).min(1),
    dimensions: z.array(dimensionSchema).min(1),
    indicators: z.array(indicatorSchema).min(1),
    scoring: z
      .strictObject({
        method: z.literal("weighted_mean"),
        scale: z.literal("0-100"),
        dontKnow: z.literal("excluded"),
        description: localizedTextSchema.optional().describe("La méthode en langage simple, pour le rapport public. — The method in plain words, for the public report."),
        limits: localizedTextSchema.optional().describe("Ce que les chiffres ne peuvent pas montrer (pas de groupe de comparaison, part due à d'autres acteurs…), pour le rapport public. — What the figures cannot show (no comparison group, share due to others…), for the public report."),
      })
      .describe("Comment les scores de dimension sont calculés (DESIGN.md §6). — How dimension scores are computed."),
    privacy: z
      .strictObject({
        k: z.int().min(MIN_K).default(5).describe("Aucun chiffre sur moins de k personnes n'est publié (5 conseillé, jamais moins de 3). — No figure about fewer than k people is shown."),
        kFreeText: z.int().min(MIN_K).describe("Seuil pour montrer des textes libres, au moins k. — Threshold to show free text, at least k."),
      })
      .describe("Protection des petits groupes. — Protection of small groups."),
  })
  .meta({ title: "Cadre d'évaluation — Evaluation framework", description: "Dimensions, indicateurs, échelles et parties prenantes d'un cadre d'évaluation d'impact social. — Dimensions, indicators, scales and stakeholder groups of a social-impact evaluation framework." });

export type Framework = z.output<typeof frameworkSchema>;
/** What a file may contain before defaults are applied (privacy.k may be left out). */
export type FrameworkInput = z.input<typeof frameworkSchema>;
export type LocalizedText = z.output<typeof localizedTextSchema>;
export type Source = Framework["sources"][number];
export type StakeholderGroup = Framework["stakeholderGroups"][number];
export type Scale = z.output<typeof scaleSchema>;
export type ScaleType = Scale["type"];
export type ScaleOfType<T extends ScaleType> = Extract<Scale, { type: T }>;
export type Dimension = Framework["dimensions"][number];
export type Indicator = z.output<typeof indicatorSchema>;
export type IndicatorLevel = Indicator["level"];
export type IndicatorKind = Indicator["kind"];
export type Polarity = Indicator["polarity"];
export type Formula = z.output<typeof formulaSchema>;

/** One problem in a framework file: where ("indicators[3].scale") and what to do (an i18n key and its values). */
export type FrameworkIssue = { path: string; message: Message };
export type ParseFrameworkResult = { ok: true; framework: Framework } | { ok: false; issues: FrameworkIssue[] };

/** The JSON Schema that framework.schema.json must contain (draft-07, the one editors know best). */
export function frameworkJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(frameworkSchema, { target: "draft-07", io: "input" }) as Record<string, unknown>;
}

/** framework.schema.json exactly as it is written to disk. */
export function frameworkJsonSchemaText(): string {
  return `${JSON.stringify(frameworkJsonSchema(), null, 2)}\n`;
}

/**
 * Validates a framework file's parsed JSON. Shape problems (a missing field, a wrong type) come
 * alone; value problems (weight 0, k = 2…) come together with the cross-reference rules, so a
 * hand-edited file shows all its problems at once.
 */
export function parseFrameworkFile(data: unknown): ParseFrameworkResult {
  const parsed = frameworkSchema.safeParse(data);
  if (parsed.success) {
    const issues = checkFrameworkRules(parsed.data);
    return issues.length === 0 ? { ok: true, framework: parsed.data } : { ok: false, issues };
  }
  const zodIssues = parsed.error.issues.map((i) => ({ path: formatPath(i.path), message: describeZodIssue(i, data) }));
  if (!parsed.error.issues.every((i) => isValueIssue(i, data))) return { ok: false, issues: zodIssues };
  const seen = new Set(zodIssues.map((i) => i.path));
  const ruleIssues = checkFrameworkRules(withDefaults(data as FrameworkInput)).filter((i) => !seen.has(i.path));
  return { ok: false, issues: [...zodIssues, ...ruleIssues] };
}

type ZodIssue = z.core.$ZodIssue;

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((value, key) => (value !== null && typeof value === "object" ? (value as Record<PropertyKey, unknown>)[key] : undefined), data);
}

/** A wrong value inside a well-shaped file: the rules can still read it safely. */
function isValueIssue(issue: ZodIssue, data: unknown): boolean {
  if (issue.code === "invalid_type") return issue.expected === "int" && typeof valueAt(data, issue.path) === "number";
  return issue.code === "too_small" || issue.code === "too_big" || issue.code === "invalid_format" || issue.code === "not_multiple_of";
}

function withDefaults(data: FrameworkInput): Framework {
  return { ...data, privacy: { ...data.privacy, k: data.privacy.k ?? 5 } };
}

const LOCALIZED_FIELDS = new Set(["title", "description", "label", "question", "help", "note", "unit", "minLabel", "maxLabel"]);
const TYPE_NAMES = new Set(["string", "number", "int", "boolean", "array", "object"]);

/** What a type is called in a message: a key of frameworkChecks.types, or the name itself. */
function typeWord(name: string): Message | string {
  return TYPE_NAMES.has(name) ? check(`types.${name}` as CheckKey) : name;
}

function typeName(value: unknown): Message | string {
  return value === null ? "null" : typeWord(Array.isArray(value) ? "array" : typeof value);
}

/** A list of values, each quoted the way its language quotes. */
const quoteValues = (values: readonly unknown[]) => ({ fr: values.map((v) => `« ${String(v)} »`).join(", "), en: values.map((v) => `"${String(v)}"`).join(", ") });

/** Turns one zod issue into a message (an i18n key and its values) that says how to fix it. */
export function describeZodIssue(issue: ZodIssue, data: unknown): Message {
  const key = issue.path.at(-1);
  const field = typeof key === "string" ? key : typeof issue.path.at(-2) === "string" ? String(issue.path.at(-2)) : "";
  const name = field ? check("name.field", { field }) : check("name.file");
  const value = valueAt(data, issue.path);
  const pathText = formatPath(issue.path);

  switch (issue.code) {
    case "invalid_type": {
      if ((key === "fr" || key === "en") && value === undefined) return messages.missingText(key);
      if (pathText === "privacy.k") return messages.k(value);
      if (issue.expected === "int" && typeof value === "number") return check("notWhole", { name, value: String(value) });
      if (issue.path.length === 0) return check("notAnObject");
      const expected = issue.expected === "object" && LOCALIZED_FIELDS.has(field) ? check("types.localized") : typeWord(issue.expected);
      if (value === undefined) return check("fieldMissing", { name, expected });
      return check("wrongType", { name, expected, got: typeName(value) });
    }
    case "too_small":
    case "too_big": {
      if (issue.code === "too_small" && field === "weight") return messages.weight(value);
      if (pathText === "privacy.k") return messages.k(value);
      if ((key === "fr" || key === "en") && issue.code === "too_small") return messages.emptyText(key);
      const bound = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
      if (issue.origin === "array") return issue.code === "too_small" ? check("listTooShort", { name, count: bound }) : check("listTooLong", { name, bound: String(bound) });
      if (issue.origin === "string") return issue.code === "too_small" ? check("textEmpty", { name }) : check("textTooLong", { name, bound: String(bound) });
      const rule = issue.code === "too_small" ? (issue.inclusive === false ? "bound.above" : "bound.atLeast") : issue.inclusive === false ? "bound.below" : "bound.atMost";
      return check("outOfBounds", { name, value: String(value), rule: check(rule, { bound: String(bound) }) });
    }
    case "invalid_format": {
      const text = String(value);
      if (field === "id") return messages.invalidId(text);
      if (field === "version") return check("badVersion", { text });
      if (field === "url") return check("badUrl", { text });
      if (field === "value") return check("invalidValue", { value: text });
      return check("badFormat", { name, text });
    }
    case "invalid_value":
      if (value === undefined) return check("choiceMissing", { name, values: quoteValues(issue.values) });
      return check("choiceUnknown", { name, value: String(value), values: quoteValues(issue.values) });
    case "invalid_union":
      if (issue.discriminator === "type" && "options" in issue && issue.options) {
        const options = issue.options;
        if (value === undefined) return check("scaleTypeMissing", { values: quoteValues(options) });
        return check("scaleTypeUnknown", { value: String(value), values: quoteValues(options) });
      }
      return check("noForm", { name });
    case "unrecognized_keys":
      return check("unknownField", { keys: quoteValues(issue.keys) });
    default:
      return check("invalid", { name, reason: issue.message });
  }
}
