// Cross-reference rules of a framework file: what the zod shape alone cannot say (ids unique and
// pointing at something that exists, bounds that depend on another field…). Pure functions over
// an already well-shaped framework; parseFrameworkFile (schema.ts) runs them after zod.
// Each message says what is wrong and how to fix it, French first.
import type { Framework, FrameworkIssue, LocalizedText, Scale } from "./schema";

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
type Message = LocalizedText;

/** ["indicators", 3, "scale"] → "indicators[3].scale" */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? String(key) : `.${String(key)}`)).join("");
}

const issue = (path: Path, message: Message): FrameworkIssue => ({ path: formatPath(path), message });

/** Lists a few existing ids in a message: "likert5, yes_no, note10…". */
function examples(ids: readonly string[]): string {
  return ids.length === 0 ? "—" : ids.slice(0, 4).join(", ") + (ids.length > 4 ? "…" : "");
}

/** Messages shared by the zod translation (schema.ts) and the rules, so one problem reads the same. */
export const messages = {
  invalidId: (id: string): Message => ({
    fr: `L'identifiant « ${id} » n'est pas valide : utilisez seulement des lettres minuscules sans accent, des chiffres, « _ » ou « - », en commençant par une lettre (par exemple « pouvoir_agir »).`,
    en: `The id "${id}" is not valid: use only lowercase letters without accents, digits, "_" or "-", starting with a letter (for example "pouvoir_agir").`,
  }),
  weight: (value: unknown): Message => ({
    fr: `Le poids doit être un nombre supérieur à 0 (ici : ${String(value)}) : mettez 1 pour un poids normal, 2 pour compter double.`,
    en: `The weight must be a number above 0 (here: ${String(value)}): use 1 for a normal weight, 2 to count double.`,
  }),
  k: (value: unknown): Message => ({
    fr: `k vaut ${String(value)} : il doit être un nombre entier d'au moins ${MIN_K}, sinon les réponses de trop petits groupes pourraient être reconnues. Mettez 5 (valeur conseillée).`,
    en: `k is ${String(value)}: it must be a whole number of at least ${MIN_K}, otherwise answers from very small groups could be recognised. Use 5 (recommended).`,
  }),
  missingText: (locale: "fr" | "en"): Message =>
    locale === "en"
      ? { fr: `Le texte anglais (« en ») manque : ajoutez "en": "…" à côté de "fr" ; chaque texte existe en français et en anglais.`, en: `The English text ("en") is missing: add "en": "…" next to "fr"; every text exists in French and English.` }
      : { fr: `Le texte français (« fr ») manque : ajoutez "fr": "…" ; le français est la première langue de chaque écran.`, en: `The French text ("fr") is missing: add "fr": "…"; French is the first language of every screen.` },
  emptyText: (locale: "fr" | "en"): Message =>
    locale === "en"
      ? { fr: `Le texte anglais (« en ») est vide : écrivez la traduction anglaise ; chaque texte existe en français et en anglais.`, en: `The English text ("en") is empty: write the English translation; every text exists in French and English.` }
      : { fr: `Le texte français (« fr ») est vide : écrivez-le ; le français est la première langue de chaque écran.`, en: `The French text ("fr") is empty: write it; French is the first language of every screen.` },
};

const COLLECTIONS = {
  dimensions: { fr: "dimension", en: "dimension", field: "dimensions" },
  indicators: { fr: "indicateur", en: "indicator", field: "indicators" },
  scales: { fr: "échelle", en: "scale", field: "scales" },
  stakeholderGroups: { fr: "partie prenante", en: "stakeholder group", field: "stakeholderGroups" },
  sources: { fr: "source", en: "source", field: "sources" },
} as const;
type Collection = keyof typeof COLLECTIONS;

function checkIds(f: Framework): FrameworkIssue[] {
  const found: FrameworkIssue[] = [];
  if (!ID_PATTERN.test(f.id)) found.push(issue(["id"], messages.invalidId(f.id)));
  for (const collection of Object.keys(COLLECTIONS) as Collection[]) {
    const items: readonly { id: string }[] = f[collection];
    const firstIndex = new Map<string, number>();
    items.forEach((item, i) => {
      if (!ID_PATTERN.test(item.id)) found.push(issue([collection, i, "id"], messages.invalidId(item.id)));
      const first = firstIndex.get(item.id);
      if (first === undefined) return void firstIndex.set(item.id, i);
      const noun = COLLECTIONS[collection];
      found.push(
        issue([collection, i, "id"], {
          fr: `L'identifiant « ${item.id} » est déjà utilisé par ${collection}[${first}] : chaque ${noun.fr} doit avoir son propre identifiant. Renommez l'un des deux.`,
          en: `The id "${item.id}" is already used by ${collection}[${first}]: each ${noun.en} needs its own id. Rename one of them.`,
        }),
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
    found.push(issue(["locales"], { fr: `« locales » doit contenir « fr » : le français est la première langue de l'application. Écrivez ["fr", "en"].`, en: `"locales" must contain "fr": French is the application's first language. Write ["fr", "en"].` }));
  }
  f.locales.forEach((locale, i) => {
    if (f.locales.indexOf(locale) !== i) found.push(issue(["locales", i], { fr: `« ${locale} » est cité deux fois dans « locales » : supprimez le doublon.`, en: `"${locale}" appears twice in "locales": remove the duplicate.` }));
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
      issue(["privacy", "kFreeText"], {
        fr: `kFreeText vaut ${kFreeText} : il doit être un nombre entier au moins égal à k (${k}), car un texte libre permet plus facilement de reconnaître quelqu'un. Mettez par exemple ${Math.max(10, k)}.`,
        en: `kFreeText is ${kFreeText}: it must be a whole number at least equal to k (${k}), because free text makes someone easier to recognise. Use for example ${Math.max(10, k)}.`,
      }),
    );
  }
  return found;
}

function checkScales(f: Framework): FrameworkIssue[] {
  const found: FrameworkIssue[] = [];
  f.scales.forEach((scale, i) => {
    if (scale.type === "likert" && scale.labels.length !== scale.points) {
      found.push(
        issue(["scales", i, "labels"], {
          fr: `L'échelle « ${scale.id} » a ${scale.points} points mais ${scale.labels.length} libellés : donnez exactement un libellé par point, du plus faible au plus fort.`,
          en: `The scale "${scale.id}" has ${scale.points} points but ${scale.labels.length} labels: give exactly one label per point, from lowest to highest.`,
        }),
      );
    }
    if ((scale.type === "number" || scale.type === "rating") && !(scale.min < scale.max)) {
      found.push(issue(["scales", i, "max"], { fr: `Le maximum (${scale.max}) doit être plus grand que le minimum (${scale.min}) : corrigez « min » ou « max ».`, en: `The maximum (${scale.max}) must be greater than the minimum (${scale.min}): fix "min" or "max".` }));
    }
    if (scale.type === "choice") {
      if (scale.options.length < 2) {
        found.push(issue(["scales", i, "options"], { fr: `L'échelle à choix « ${scale.id} » a moins de 2 options : ajoutez-en pour que la personne ait un vrai choix.`, en: `The choice scale "${scale.id}" has fewer than 2 options: add some so that people have a real choice.` }));
      }
      scale.options.forEach((option, j) => {
        const path = ["scales", i, "options", j, "value"];
        if ((RESERVED_OPTION_VALUES as readonly string[]).includes(option.value)) {
          found.push(issue(path, { fr: `La valeur « ${option.value} » est réservée à la réponse « Je ne sais pas / pas concerné·e », que l'application ajoute d'elle-même : choisissez une autre valeur.`, en: `The value "${option.value}" is reserved for the "I don't know / not concerned" answer, which the application adds by itself: choose another value.` }));
        } else if (!OPTION_VALUE_PATTERN.test(option.value)) {
          found.push(issue(path, { fr: `La valeur « ${option.value} » n'est pas valide : utilisez des minuscules sans accent, des chiffres, « _ » ou « - » (par exemple « tres_souvent »).`, en: `The value "${option.value}" is not valid: use lowercase letters without accents, digits, "_" or "-" (for example "very_often").` }));
        } else if (scale.options.findIndex((o) => o.value === option.value) !== j) {
          found.push(issue(path, { fr: `La valeur « ${option.value} » est déjà utilisée par une autre option de « ${scale.id} » : donnez à chaque option sa propre valeur.`, en: `The value "${option.value}" is already used by another option of "${scale.id}": give each option its own value.` }));
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
      found.push(issue(at("dimension"), { fr: `La dimension « ${indicator.dimension} » n'existe pas : ajoutez-la dans « dimensions » ou choisissez une dimension existante (${examples(dimensionIds)}).`, en: `The dimension "${indicator.dimension}" does not exist: add it to "dimensions" or pick an existing dimension (${examples(dimensionIds)}).` }));
    }
    const scale = scales.get(indicator.scale);
    if (!scale) {
      found.push(issue(at("scale"), { fr: `L'échelle « ${indicator.scale} » n'existe pas : ajoutez-la dans « scales » ou choisissez une échelle existante (${examples([...scales.keys()])}).`, en: `The scale "${indicator.scale}" does not exist: add it to "scales" or pick an existing scale (${examples([...scales.keys()])}).` }));
    } else if (indicator.kind === "reported_figure" && scale.type !== "number") {
      found.push(issue(at("scale"), { fr: `Un chiffre déclaré (« reported_figure ») se saisit comme un nombre : choisissez une échelle de type « number » (« ${scale.id} » est de type « ${scale.type} »).`, en: `A reported figure ("reported_figure") is entered as a number: pick a scale of type "number" ("${scale.id}" is of type "${scale.type}").` }));
    } else if (indicator.kind === "computed" && scale.type !== "number") {
      found.push(issue(at("scale"), { fr: `Un taux calculé (« computed ») est un nombre : choisissez une échelle de type « number » qui donne son unité et ses bornes (« ${scale.id} » est de type « ${scale.type} »).`, en: `A computed rate ("computed") is a number: pick a scale of type "number" giving its unit and bounds ("${scale.id}" is of type "${scale.type}").` }));
    }
    if (indicator.audiences.length === 0) {
      found.push(issue(at("audiences"), { fr: `Personne n'est concerné par cet indicateur : ajoutez au moins une partie prenante dans « audiences » (${examples(groupIds)}).`, en: `Nobody is concerned by this indicator: add at least one stakeholder group to "audiences" (${examples(groupIds)}).` }));
    }
    indicator.audiences.forEach((group, j) => {
      if (!groupIds.includes(group)) {
        found.push(issue(at("audiences", j), { fr: `La partie prenante « ${group} » n'existe pas : ajoutez-la dans « stakeholderGroups » ou choisissez une partie prenante existante (${examples(groupIds)}).`, en: `The stakeholder group "${group}" does not exist: add it to "stakeholderGroups" or pick an existing group (${examples(groupIds)}).` }));
      } else if (indicator.audiences.indexOf(group) !== j) {
        found.push(issue(at("audiences", j), { fr: `« ${group} » est cité deux fois dans « audiences » : supprimez le doublon.`, en: `"${group}" appears twice in "audiences": remove the duplicate.` }));
      }
    });
    if (indicator.sources.length === 0) {
      found.push(issue(at("sources"), { fr: `Cet indicateur ne cite aucune source : ajoutez dans « sources » l'identifiant du document d'où il vient (${examples(sourceIds)}).`, en: `This indicator cites no source: add to "sources" the id of the document it comes from (${examples(sourceIds)}).` }));
    }
    indicator.sources.forEach((source, j) => {
      if (!sourceIds.includes(source)) {
        found.push(issue(at("sources", j), { fr: `La source « ${source} » n'existe pas : ajoutez-la dans « sources » en haut du fichier ou citez une source existante (${examples(sourceIds)}).`, en: `The source "${source}" does not exist: add it to "sources" at the top of the file or cite an existing source (${examples(sourceIds)}).` }));
      } else if (indicator.sources.indexOf(source) !== j) {
        found.push(issue(at("sources", j), { fr: `« ${source} » est cité deux fois dans « sources » : supprimez le doublon.`, en: `"${source}" appears twice in "sources": remove the duplicate.` }));
      }
    });
    for (const field of ["baseline", "target"] as const) {
      const value = indicator[field];
      if (value === undefined || !scale) continue;
      const name = field === "baseline" ? { fr: "La valeur de départ (« baseline »)", en: `The baseline ("baseline")` } : { fr: "La cible (« target »)", en: `The target ("target")` };
      const bounds = referenceBounds(scale);
      if (!bounds) {
        found.push(issue(at(field), { fr: `${name.fr} n'a pas de sens pour un texte libre (« ${scale.id} ») : supprimez « ${field} ».`, en: `${name.en} means nothing for free text ("${scale.id}"): remove "${field}".` }));
      } else if (value < bounds.min || value > bounds.max) {
        found.push(issue(at(field), { fr: `${name.fr} vaut ${value} et sort des bornes de l'échelle « ${scale.id} » (de ${bounds.min} à ${bounds.max}) : choisissez une valeur entre ${bounds.min} et ${bounds.max}, ou élargissez l'échelle.`, en: `${name.en} is ${value}, outside the bounds of the scale "${scale.id}" (${bounds.min} to ${bounds.max}): choose a value between ${bounds.min} and ${bounds.max}, or widen the scale.` }));
      } else if (bounds.integer && !Number.isInteger(value)) {
        found.push(issue(at(field), { fr: `${name.fr} vaut ${value}, mais l'échelle « ${scale.id} » n'accepte que des nombres entiers : arrondissez-la.`, en: `${name.en} is ${value}, but the scale "${scale.id}" only accepts whole numbers: round it.` }));
      }
    }
    if (indicator.baseline !== undefined && indicator.target !== undefined && scale && referenceBounds(scale)) {
      if (indicator.baseline === indicator.target) {
        found.push(issue(at("target"), { fr: `La cible (${indicator.target}) est égale à la valeur de départ : on ne pourrait mesurer aucun progrès. Choisissez une cible différente ou supprimez « baseline ».`, en: `The target (${indicator.target}) equals the baseline: no progress could be measured. Choose a different target or remove "baseline".` }));
      } else if ((indicator.polarity === "positive") !== indicator.target > indicator.baseline) {
        const direction = indicator.polarity === "positive" ? { fr: "plus haute", en: "higher" } : { fr: "plus basse", en: "lower" };
        found.push(issue(at("target"), { fr: `Avec le sens « ${indicator.polarity} », la cible (${indicator.target}) doit être ${direction.fr} que la valeur de départ (${indicator.baseline}) : corrigez la cible, la valeur de départ ou le sens (« polarity »).`, en: `With polarity "${indicator.polarity}", the target (${indicator.target}) must be ${direction.en} than the baseline (${indicator.baseline}): fix the target, the baseline or "polarity".` }));
      }
    }
    if (indicator.kind !== "question" && indicator.polarity === "negative" && indicator.target !== undefined && indicator.baseline === undefined) {
      found.push(issue(at("baseline"), { fr: `Un chiffre à faire baisser (sens « negative ») se mesure depuis sa valeur de départ : ajoutez « baseline », par exemple le chiffre de l'année précédente.`, en: `A figure meant to go down (polarity "negative") is measured from its baseline: add "baseline", for example last year's figure.` }));
    }
    if (indicator.minN !== undefined && indicator.minN < f.privacy.k) {
      found.push(issue(at("minN"), { fr: `minN vaut ${indicator.minN}, moins que k (${f.privacy.k}) qui s'applique déjà à tous les résultats : mettez au moins ${f.privacy.k} ou supprimez « minN ».`, en: `minN is ${indicator.minN}, less than k (${f.privacy.k}), which already applies to every result: use at least ${f.privacy.k} or remove "minN".` }));
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
      if (indicator.formula) found.push(issue(at("formula"), { fr: `Seul un taux calculé (« kind »: « computed ») a une formule : supprimez « formula » ou passez « kind » à « computed ».`, en: `Only a computed rate ("kind": "computed") has a formula: remove "formula" or set "kind" to "computed".` }));
      return;
    }
    if (!indicator.formula) {
      found.push(issue(at("formula"), { fr: `Un taux calculé a besoin d'une formule : ajoutez "formula": { "numerator": […], "denominator": […], "multiplier": 100 } avec les identifiants des chiffres déclarés (${examples(figureIds)}).`, en: `A computed rate needs a formula: add "formula": { "numerator": […], "denominator": […], "multiplier": 100 } with the ids of reported figures (${examples(figureIds)}).` }));
    } else {
      for (const side of ["numerator", "denominator"] as const) {
        indicator.formula[side].forEach((figureId, j) => {
          const figure = byId.get(figureId);
          if (!figure) {
            found.push(issue(at("formula", side, j), { fr: `La formule cite « ${figureId} », qui n'existe pas : citez un chiffre déclaré du cadre (${examples(figureIds)}).`, en: `The formula cites "${figureId}", which does not exist: cite a reported figure of the framework (${examples(figureIds)}).` }));
          } else if (figure.kind !== "reported_figure") {
            found.push(issue(at("formula", side, j), { fr: `La formule cite « ${figureId} », qui n'est pas un chiffre déclaré (« ${figure.kind} ») : un taux se calcule seulement à partir de chiffres déclarés (${examples(figureIds)}).`, en: `The formula cites "${figureId}", which is not a reported figure ("${figure.kind}"): a rate is computed only from reported figures (${examples(figureIds)}).` }));
          } else if (indicator.formula?.[side].indexOf(figureId) !== j) {
            found.push(issue(at("formula", side, j), { fr: `« ${figureId} » est cité deux fois du même côté de la formule : supprimez le doublon.`, en: `"${figureId}" appears twice on the same side of the formula: remove the duplicate.` }));
          }
        });
      }
    }
    if (indicator.target === undefined) {
      found.push(issue(at("target"), { fr: `Un taux calculé a besoin d'une cible (« target ») : c'est par le chemin parcouru vers elle qu'il entre dans le score. Ajoutez-la, dans l'unité de son échelle.`, en: `A computed rate needs a target ("target"): it enters the score only as progress toward it. Add it, in its scale's unit.` }));
    }
  });
  return found;
}

function checkDimensionsHaveIndicators(f: Framework): FrameworkIssue[] {
  return f.dimensions.flatMap((dimension, i) =>
    f.indicators.some((indicator) => indicator.dimension === dimension.id)
      ? []
      : [issue(["dimensions", i], { fr: `La dimension « ${dimension.id} » n'a aucun indicateur : rattachez-lui au moins un indicateur (champ « dimension ») ou supprimez-la.`, en: `The dimension "${dimension.id}" has no indicator: attach at least one indicator to it (field "dimension") or remove it.` })],
  );
}

/** Every rule, in file order of what they look at. An empty list means the framework is coherent. */
export function checkFrameworkRules(framework: Framework): FrameworkIssue[] {
  return [checkIds, checkLocales, checkTexts, checkScales, checkWeights, checkDimensionsHaveIndicators, checkIndicators, checkComputed, checkPrivacy].flatMap((rule) => rule(framework));
}
