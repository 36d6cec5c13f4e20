// Cross-reference rules of a framework file: what the zod shape alone cannot say (ids unique and
// pointing at something that exists, bounds that depend on another field…). Pure functions over
// an already well-shaped framework; parseFrameworkFile (schema.ts) runs them after zod.
// Each message says what is wrong and how to fix it: an i18n key and its values.
import type { CheckKey } from "../app/i18n/messages/framework-checks";
import type { Message, MessageParams } from "../app/modules/failure";
import type { Framework, FrameworkIssue, Scale } from "./schema";

/** Ids of everything: lowercase, no accents, `_` or `-`, starting with a letter ("pouvoir_agir"). */
export const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;
/** A choice option's stored value; also written into count cells, so kept plain. */
export const OPTION_VALUE_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
export const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;
export const MIN_K = 3;
/** question: asked in surveys; reported_figure: typed by a structure or the council; computed: derived from reported figures. */
export const INDICATOR_KINDS = ["question", "reported_figure", "computed"] as const;
/** Values the survey module stores itself (DONT_KNOW, ANSWERED in app/modules/surveys/questions.ts). */
export const RESERVED_OPTION_VALUES = ["dont_know", "*"] as const;

type Path = readonly (string | number)[];

/** ["indicators", 3, "scale"] → "indicators[3].scale" */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join("");
}

const issue = (path: Path, message: Message): FrameworkIssue => ({ path: formatPath(path), message });

/** Lists a few existing ids in a message: "likert5, yes_no, note10…". */
function examples(ids: readonly string[]): string {
  return ids.length === 0 ? "—" : ids.slice(0, 4).join(", ") + (ids.length > 4 ? "…" : "");
}

/**
 * A check's message: a key of app/i18n/messages/framework-checks.ts and its values. The page or
 * the `frameworks:check` command says it in a language (app/i18n/say.ts).
 */
export function check(key: CheckKey, params?: MessageParams): Message {
  return params ? { key: `frameworkChecks.${key}`, params } : { key: `frameworkChecks.${key}` };
}

/** Messages shared by the zod translation (schema.ts) and the rules, so one problem reads the same. */
export const messages = {
  invalidId: (id: string): Message => check("invalidId", { id }),
  weight: (value: unknown): Message => check("weight", { value: String(value) }),
  k: (value: unknown): Message => check("k", { value: String(value), minK: String(MIN_K) }),
  missingText: (locale: "fr" | "en"): Message => check(`missingText.${locale}`),
  emptyText: (locale: "fr" | "en"): Message => check(`emptyText.${locale}`),
};

const COLLECTIONS = ["dimensions", "indicators", "scales", "stakeholderGroups", "sources"] as const;

function checkIds(f: Framework): FrameworkIssue[] {
  const found: FrameworkIssue[] = [];
  if (!ID_PATTERN.test(f.id)) found.push(issue(["id"], messages.invalidId(f.id)));
  for (const collection of COLLECTIONS) {
    const items: readonly { id: string }[] = f[collection];
    const firstIndex = new Map<string, number>();
    items.forEach((item, i) => {
      if (!ID_PATTERN.test(item.id)) found.push(issue([collection, i, "id"], messages.invalidId(item.id)));
      const first = firstIndex.get(item.id);
      if (first === undefined) return void firstIndex.set(item.id, i);
      found.push(
        issue([collection, i, "id"], check("duplicateId", { id: item.id, collection, first: String(first), noun: check(`nouns.${collection}`) })),
      );
    });
  }
  return found;
}

/** An indicator's own texts, whose English is optional (schema.ts, indicatorTextSchema). */
const INDICATOR_TEXTS = new Set(["label", "question", "help", "note"]);
const hasOptionalEnglish = (path: (string | number)[]) => path.length === 3 && path[0] === "indicators" && INDICATOR_TEXTS.has(String(path[2]));

/**
 * Every {fr, en} text anywhere in the file has both languages written (spaces alone do not
 * count), except an indicator's own texts: French only is allowed there, for a council's own indicator.
 */
function checkTexts(f: Framework): FrameworkIssue[] {
  const found: FrameworkIssue[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) return value.forEach((item, i) => visit(item, [...path, i]));
    if (value === null || typeof value !== "object") return;
    const record = value as Record<string, unknown>;
    if (typeof record.fr === "string" && typeof record.en === "string") {
      for (const locale of hasOptionalEnglish(path) ? (["fr"] as const) : (["fr", "en"] as const)) {
        if ((record[locale] as string).trim() === "") found.push(issue([...path, locale], messages.emptyText(locale)));
      }
      return;
    }
    for (const [key, child] of Object.entries(record)) visit(child, [...path, key]);
  };
  visit(f, []);
  return found;
}

function checkLocales(f: Framework): FrameworkIssue[] {
  const found: FrameworkIssue[] = [];
  if (!f.locales.includes("fr")) {
    found.push(issue(["locales"], check("localesWithoutFrench")));
  }
  f.locales.forEach((locale, i) => {
    if (f.locales.indexOf(locale) !== i) found.push(issue(["locales", i], check("localeTwice", { locale })));
  });
  return found;
}

function checkWeights(f: Framework): FrameworkIssue[] {
  const found: FrameworkIssue[] = [];
  for (const collection of ["dimensions", "indicators"] as const) {
    f[collection].forEach((item, i) => {
      if (!(Number.isFinite(item.weight) && item.weight > 0)) found.push(issue([collection, i, "weight"], messages.weight(item.weight)));
    });
  }
  return found;
}

function checkPrivacy(f: Framework): FrameworkIssue[] {
  const { k, kFreeText } = f.privacy;
  const found: FrameworkIssue[] = [];
  if (!(Number.isInteger(k) && k >= MIN_K)) found.push(issue(["privacy", "k"], messages.k(k)));
  if (!(Number.isInteger(kFreeText) && kFreeText >= k)) {
    found.push(
      issue(["privacy", "kFreeText"], check("kFreeText", { kFreeText: String(kFreeText), k: String(k), suggested: String(Math.max(10, k)) })),
    );
  }
  return found;
}

function checkScales(f: Framework): FrameworkIssue[] {
  const found: FrameworkIssue[] = [];
  f.scales.forEach((scale, i) => {
    if (scale.type === "likert" && scale.labels.length !== scale.points) {
      found.push(
        issue(["scales", i, "labels"], check("likertLabels", { scale: scale.id, points: String(scale.points), labels: String(scale.labels.length) })),
      );
    }
    if ((scale.type === "number" || scale.type === "rating") && !(scale.min < scale.max)) {
      found.push(issue(["scales", i, "max"], check("minAboveMax", { max: String(scale.max), min: String(scale.min) })));
    }
    if (scale.type === "choice") {
      if (scale.options.length < 2) {
        found.push(issue(["scales", i, "options"], check("tooFewOptions", { scale: scale.id })));
      }
      scale.options.forEach((option, j) => {
        const path = ["scales", i, "options", j, "value"];
        if ((RESERVED_OPTION_VALUES as readonly string[]).includes(option.value)) {
          found.push(issue(path, check("reservedValue", { value: option.value })));
        } else if (!OPTION_VALUE_PATTERN.test(option.value)) {
          found.push(issue(path, check("invalidValue", { value: option.value })));
        } else if (scale.options.findIndex((o) => o.value === option.value) !== j) {
          found.push(issue(path, check("valueTwice", { value: option.value, scale: scale.id })));
        }
      });
    }
  });
  return found;
}

/** The range in which a baseline or target is read: the scale's own unit, or a 0–100 share/score. */
function referenceBounds(scale: Scale): { min: number; max: number; integer: boolean } | null {
  switch (scale.type) {
    case "likert":
      return { min: 1, max: scale.points, integer: false };
    case "rating":
      return { min: scale.min, max: scale.max, integer: false };
    case "number":
      return { min: scale.min, max: scale.max, integer: scale.integer };
    case "yes_no": // share of "yes", in %
    case "choice": // mean score of the options
      return { min: 0, max: 100, integer: false };
    case "text":
      return null;
  }
}

function checkIndicators(f: Framework): FrameworkIssue[] {
  const found: FrameworkIssue[] = [];
  const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);
  const dimensionIds = ids(f.dimensions);
  const groupIds = ids(f.stakeholderGroups);
  const sourceIds = ids(f.sources);
  const scales = new Map(f.scales.map((s) => [s.id, s]));

  f.indicators.forEach((indicator, i) => {
    const at = (...rest: (string | number)[]) => ["indicators", i, ...rest];
    if (!dimensionIds.includes(indicator.dimension)) {
      found.push(issue(at("dimension"), check("unknownDimension", { dimension: indicator.dimension, examples: examples(dimensionIds) })));
    }
    const scale = scales.get(indicator.scale);
    if (!scale) {
      found.push(issue(at("scale"), check("unknownScale", { scale: indicator.scale, examples: examples([...scales.keys()]) })));
    } else if (indicator.kind === "reported_figure" && scale.type !== "number") {
      found.push(issue(at("scale"), check("reportedFigureScale", { scale: scale.id, type: scale.type })));
    } else if (indicator.kind === "computed" && scale.type !== "number") {
      found.push(issue(at("scale"), check("computedScale", { scale: scale.id, type: scale.type })));
    }
    if (indicator.audiences.length === 0) {
      found.push(issue(at("audiences"), check("noAudience", { examples: examples(groupIds) })));
    }
    indicator.audiences.forEach((group, j) => {
      if (!groupIds.includes(group)) {
        found.push(issue(at("audiences", j), check("unknownGroup", { group, examples: examples(groupIds) })));
      } else if (indicator.audiences.indexOf(group) !== j) {
        found.push(issue(at("audiences", j), check("audienceTwice", { group })));
      }
    });
    if (indicator.sources.length === 0) {
      found.push(issue(at("sources"), check("noSource", { examples: examples(sourceIds) })));
    }
    indicator.sources.forEach((source, j) => {
      if (!sourceIds.includes(source)) {
        found.push(issue(at("sources", j), check("unknownSource", { source, examples: examples(sourceIds) })));
      } else if (indicator.sources.indexOf(source) !== j) {
        found.push(issue(at("sources", j), check("sourceTwice", { source })));
      }
    });
    for (const field of ["baseline", "target"] as const) {
      const value = indicator[field];
      if (value === undefined || !scale) continue;
      const name = check(`reference.${field}`);
      const bounds = referenceBounds(scale);
      if (!bounds) {
        found.push(issue(at(field), check("referenceOnText", { name, scale: scale.id, field })));
      } else if (value < bounds.min || value > bounds.max) {
        found.push(issue(at(field), check("referenceOutOfBounds", { name, value: String(value), scale: scale.id, min: String(bounds.min), max: String(bounds.max) })));
      } else if (bounds.integer && !Number.isInteger(value)) {
        found.push(issue(at(field), check("referenceNotWhole", { name, value: String(value), scale: scale.id })));
      }
    }
    if (indicator.baseline !== undefined && indicator.target !== undefined && scale && referenceBounds(scale)) {
      if (indicator.baseline === indicator.target) {
        found.push(issue(at("target"), check("targetIsBaseline", { target: String(indicator.target) })));
      } else if ((indicator.polarity === "positive") !== indicator.target > indicator.baseline) {
        const direction = check(indicator.polarity === "positive" ? "direction.higher" : "direction.lower");
        found.push(issue(at("target"), check("targetDirection", { polarity: indicator.polarity, target: String(indicator.target), direction, baseline: String(indicator.baseline) })));
      }
    }
    if (indicator.kind !== "question" && indicator.polarity === "negative" && indicator.target !== undefined && indicator.baseline === undefined) {
      found.push(issue(at("baseline"), check("negativeNeedsBaseline")));
    }
    if (indicator.minN !== undefined && indicator.minN < f.privacy.k) {
      found.push(issue(at("minN"), check("minN", { minN: String(indicator.minN), k: String(f.privacy.k) })));
    }
  });
  return found;
}

/**
 * A computed indicator is a rate the application derives from reported figures: it has a formula
 * whose figures exist and are typed by someone (reported_figure), and a target. Nothing else has
 * a formula, so a survey never asks for a computed value and nobody types one.
 */
function checkComputed(f: Framework): FrameworkIssue[] {
  const found: FrameworkIssue[] = [];
  const byId = new Map(f.indicators.map((indicator) => [indicator.id, indicator]));
  const figureIds = f.indicators.filter((indicator) => indicator.kind === "reported_figure").map((indicator) => indicator.id);
  f.indicators.forEach((indicator, i) => {
    const at = (...rest: (string | number)[]) => ["indicators", i, ...rest];
    if (indicator.kind !== "computed") {
      if (indicator.formula) found.push(issue(at("formula"), check("formulaOnlyComputed")));
      return;
    }
    if (!indicator.formula) {
      found.push(issue(at("formula"), check("formulaMissing", { examples: examples(figureIds) })));
    } else {
      for (const side of ["numerator", "denominator"] as const) {
        indicator.formula[side].forEach((figureId, j) => {
          const figure = byId.get(figureId);
          if (!figure) {
            found.push(issue(at("formula", side, j), check("formulaUnknown", { figure: figureId, examples: examples(figureIds) })));
          } else if (figure.kind !== "reported_figure") {
            found.push(issue(at("formula", side, j), check("formulaNotFigure", { figure: figureId, kind: figure.kind, examples: examples(figureIds) })));
          } else if (indicator.formula?.[side].indexOf(figureId) !== j) {
            found.push(issue(at("formula", side, j), check("formulaTwice", { figure: figureId })));
          }
        });
      }
    }
    if (indicator.target === undefined) {
      found.push(issue(at("target"), check("computedNeedsTarget")));
    }
  });
  return found;
}

function checkDimensionsHaveIndicators(f: Framework): FrameworkIssue[] {
  return f.dimensions.flatMap((dimension, i) =>
    f.indicators.some((indicator) => indicator.dimension === dimension.id)
      ? []
      : [issue(["dimensions", i], check("emptyDimension", { dimension: dimension.id }))],
  );
}

/** Every rule, in file order of what they look at. An empty list means the framework is coherent. */
export function checkFrameworkRules(framework: Framework): FrameworkIssue[] {
  return [checkIds, checkLocales, checkTexts, checkScales, checkWeights, checkDimensionsHaveIndicators, checkIndicators, checkComputed, checkPrivacy].flatMap((rule) => rule(framework));
}
