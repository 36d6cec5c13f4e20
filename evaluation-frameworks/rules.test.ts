import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkFrameworkRules, formatPath } from "./rules";
import { frameworkSchema, type Framework } from "./schema";
import { sayIn } from "../app/i18n/say";
import { inBoth } from "../tests/helpers/messages";
import { nth } from "../tests/helpers/present";

const t = (fr: string, en = fr) => ({ fr, en });

/** A small coherent framework; each test breaks one thing in it. */
function framework(): Framework {
  return {
    id: "petit-cadre",
    version: "1.0.0",
    locales: ["fr", "en"],
    title: t("Petit cadre", "Small framework"),
    description: t("Pour les tests.", "For tests."),
    sources: [{ id: "coorace-municipales-2020", title: "#Municipales2020", publisher: "Coorace", year: 2020 }],
    stakeholderGroups: [
      { id: "residents", label: t("Habitant·es", "Residents") },
      { id: "associations", label: t("Associations") },
    ],
    scales: [
      { id: "likert5", type: "likert", points: 5, labels: [t("1"), t("2"), t("3"), t("4"), t("5")] },
      { id: "yes_no", type: "yes_no" },
      { id: "heures", type: "number", unit: t("heures", "hours"), min: 0, max: 10000, integer: true },
      { id: "frequence", type: "choice", multiple: false, options: [{ value: "jamais", label: t("Jamais", "Never"), score: 0 }, { value: "souvent", label: t("Souvent", "Often"), score: 100 }] },
      { id: "texte", type: "text", maxLength: 1000 },
    ],
    dimensions: [
      { id: "pouvoir_agir", label: t("Pouvoir d'agir", "Power to act"), description: t("…"), weight: 1 },
      { id: "emploi_qualite", label: t("Emploi de qualité", "Quality jobs"), description: t("…"), weight: 1 },
    ],
    indicators: [
      { id: "agir_quartier", dimension: "pouvoir_agir", level: "impact", kind: "question", label: t("Agir"), question: t("Pouvez-vous agir sur votre quartier ?", "Can you act on your neighbourhood?"), scale: "likert5", polarity: "positive", audiences: ["residents"], required: true, weight: 1, sources: ["coorace-municipales-2020"] },
      { id: "heures_insertion", dimension: "emploi_qualite", level: "realisation", kind: "reported_figure", label: t("Heures"), question: t("Combien d'heures d'insertion ?", "How many insertion hours?"), scale: "heures", polarity: "positive", audiences: ["associations"], required: true, weight: 1, sources: ["coorace-municipales-2020"] },
      { id: "recit", dimension: "pouvoir_agir", level: "impact", kind: "question", label: t("Récit", "Story"), question: t("Qu'est-ce qui a changé ?", "What changed?"), scale: "texte", polarity: "positive", audiences: ["residents", "associations"], required: false, weight: 1, sources: ["coorace-municipales-2020"] },
    ],
    scoring: { method: "weighted_mean", scale: "0-100", dontKnow: "excluded" },
    privacy: { k: 5, kFreeText: 10 },
  };
}

const paths = (f: Framework) => checkFrameworkRules(f).map((i) => i.path);

describe("framework rules", () => {
  it("a coherent framework has no issue", () => {
    expect(frameworkSchema.safeParse(framework()).success).toBe(true);
    expect(checkFrameworkRules(framework())).toEqual([]);
  });

  it("an indicator pointing at a missing scale is reported with its path and how to fix it", () => {
    const f = framework();
    nth(f.indicators, 0).scale = "likert7";
    expect(inBoth(checkFrameworkRules(f))).toEqual([
      {
        path: "indicators[0].scale",
        message: {
          fr: "L'échelle « likert7 » n'existe pas : ajoutez-la dans « scales » ou choisissez une échelle existante (likert5, yes_no, heures, frequence…).",
          en: `The scale "likert7" does not exist: add it to "scales" or pick an existing scale (likert5, yes_no, heures, frequence…).`,
        },
      },
    ]);
  });

  it("a duplicate indicator id is reported on the second one, naming the first", () => {
    const f = framework();
    nth(f.indicators, 2).id = "agir_quartier";
    const issues = checkFrameworkRules(f);
    expect(issues).toHaveLength(1);
    const issue = nth(issues, 0);
    expect(issue.path).toBe("indicators[2].id");
    expect(sayIn("fr", issue.message)).toBe("L'identifiant « agir_quartier » est déjà utilisé par indicators[0] : chaque indicateur doit avoir son propre identifiant. Renommez l'un des deux.");
    expect(sayIn("en", issue.message)).toContain("Rename one of them");
  });

  it("duplicate scale, group, dimension and source ids are each reported", () => {
    const f = framework();
    nth(f.scales, 1).id = "likert5";
    nth(f.stakeholderGroups, 1).id = "residents";
    f.sources.push({ ...nth(f.sources, 0) });
    expect(paths(f)).toEqual(expect.arrayContaining(["scales[1].id", "stakeholderGroups[1].id", "sources[1].id"]));
  });

  it("an unknown dimension, audience or source is reported where it is cited", () => {
    const f = framework();
    nth(f.indicators, 0).dimension = "emploi";
    nth(f.indicators, 0).audiences = ["residents", "habitants"];
    nth(f.indicators, 0).sources = ["avise"];
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["indicators[0].dimension", "indicators[0].audiences[1]", "indicators[0].sources[0]"]);
    expect(sayIn("fr", nth(issues, 1).message)).toBe("La partie prenante « habitants » n'existe pas : ajoutez-la dans « stakeholderGroups » ou choisissez une partie prenante existante (residents, associations).");
    expect(sayIn("fr", nth(issues, 2).message)).toContain("ajoutez-la dans « sources »");
  });

  it("a dimension without any indicator is reported so it is filled or removed", () => {
    const f = framework();
    f.indicators = f.indicators.filter((i) => i.dimension !== "emploi_qualite");
    const issues = checkFrameworkRules(f);
    expect(issues).toHaveLength(1);
    expect(nth(issues, 0).path).toBe("dimensions[1]");
    expect(sayIn("fr", nth(issues, 0).message)).toContain("n'a aucun indicateur");
  });

  it("a weight of 0 on an indicator or a dimension is reported with what to write instead", () => {
    const f = framework();
    nth(f.indicators, 1).weight = 0;
    nth(f.dimensions, 0).weight = -1;
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["dimensions[0].weight", "indicators[1].weight"]);
    expect(sayIn("fr", nth(issues, 1).message)).toBe("Le poids doit être un nombre supérieur à 0 (ici : 0) : mettez 1 pour un poids normal, 2 pour compter double.");
  });

  it("an English text made only of spaces counts as missing", () => {
    const f = framework();
    nth(f.dimensions, 0).label.en = "   ";
    const likert = nth(f.scales, 0);
    if (likert.type === "likert") nth(likert.labels, 2).fr = "";
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["scales[0].labels[2].fr", "dimensions[0].label.en"]);
    expect(sayIn("fr", nth(issues, 1).message)).toBe("Le texte anglais (« en ») est vide : écrivez la traduction anglaise ; chaque texte existe en français et en anglais.");
  });

  it("an indicator's own texts may be French only (a council's own indicator), never English only", () => {
    const f = framework();
    const indicator = nth(f.indicators, 0);
    indicator.question.en = "";
    indicator.label.en = "";
    expect(checkFrameworkRules(f)).toEqual([]);
    indicator.label.fr = " ";
    expect(checkFrameworkRules(f).map((i) => i.path)).toEqual(["indicators[0].label.fr"]);
  });

  it("k below 3 and kFreeText below k are refused with the reason", () => {
    const f = framework();
    f.privacy = { k: 2, kFreeText: 1 };
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["privacy.k", "privacy.kFreeText"]);
    expect(sayIn("fr", nth(issues, 0).message)).toBe("k vaut 2 : il doit être un nombre entier d'au moins 3, sinon les réponses de trop petits groupes pourraient être reconnues. Mettez 5 (valeur conseillée).");
    expect(sayIn("fr", nth(issues, 1).message)).toContain("au moins égal à k (2)");
  });

  it("a baseline or target outside a number scale's bounds is reported with the bounds", () => {
    const f = framework();
    nth(f.indicators, 1).baseline = 2500;
    nth(f.indicators, 1).target = 12000;
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["indicators[1].target"]);
    expect(sayIn("fr", nth(issues, 0).message)).toBe("La cible (« target ») vaut 12000 et sort des bornes de l'échelle « heures » (de 0 à 10000) : choisissez une valeur entre 0 et 10000, ou élargissez l'échelle.");
  });

  it("a decimal target on a whole-number scale, and any target on free text, are reported", () => {
    const f = framework();
    nth(f.indicators, 1).target = 12.5;
    nth(f.indicators, 2).baseline = 1;
    expect(paths(f)).toEqual(["indicators[1].target", "indicators[2].baseline"]);
  });

  it("a likert target is read on its points and a yes/no target as a percentage", () => {
    const f = framework();
    nth(f.indicators, 0).target = 4.2;
    f.indicators.push({ ...nth(f.indicators, 0), id: "participe", scale: "yes_no", target: 60 });
    expect(checkFrameworkRules(f)).toEqual([]);
    nth(f.indicators, 0).target = 6;
    expect(paths(f)).toEqual(["indicators[0].target"]);
  });

  /** The small framework with a second figure and a rate computed from the two figures. */
  function withRate(): Framework {
    const f = framework();
    f.indicators.push(
      { ...nth(f.indicators, 1), id: "heures_prevues", label: t("Heures prévues"), question: t("Combien d'heures prévues ?", "How many hours planned?") },
      { ...nth(f.indicators, 1), id: "taux_realisation", kind: "computed", label: t("Taux de réalisation"), question: t("Heures réalisées pour 100 heures prévues.", "Hours done per 100 planned."), scale: "heures", formula: { numerator: ["heures_insertion"], denominator: ["heures_prevues"], multiplier: 100 }, target: 100 },
    );
    return f;
  }

  it("a computed rate over reported figures that exist, with a target, has no issue", () => {
    expect(checkFrameworkRules(withRate())).toEqual([]);
  });

  it("a computed rate citing a figure that does not exist is reported at the formula, listing the figures", () => {
    const f = withRate();
    nth(f.indicators, 4).formula = { numerator: ["heures_realisees"], denominator: ["heures_prevues"], multiplier: 100 };
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["indicators[4].formula.numerator[0]"]);
    expect(nth(inBoth(issues), 0).message).toEqual({
      fr: "La formule cite « heures_realisees », qui n'existe pas : citez un chiffre déclaré du cadre (heures_insertion, heures_prevues).",
      en: `The formula cites "heures_realisees", which does not exist: cite a reported figure of the framework (heures_insertion, heures_prevues).`,
    });
  });

  it("a computed rate may not be built on a survey question or on another rate", () => {
    const f = withRate();
    nth(f.indicators, 4).formula = { numerator: ["agir_quartier"], denominator: ["taux_realisation"], multiplier: 100 };
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["indicators[4].formula.numerator[0]", "indicators[4].formula.denominator[0]"]);
    expect(sayIn("fr", nth(issues, 0).message)).toContain("n'est pas un chiffre déclaré (« question »)");
  });

  it("a computed rate needs a formula and a target; a question may not carry a formula", () => {
    const f = withRate();
    delete nth(f.indicators, 4).formula;
    delete nth(f.indicators, 4).target;
    nth(f.indicators, 0).formula = { numerator: ["heures_insertion"], denominator: ["heures_prevues"], multiplier: 1 };
    expect(paths(f)).toEqual(["indicators[0].formula", "indicators[4].formula", "indicators[4].target"]);
  });

  it("a computed rate is a number: a likert scale is refused", () => {
    const f = withRate();
    nth(f.indicators, 4).scale = "likert5";
    nth(f.indicators, 4).target = 5;
    expect(paths(f)).toEqual(["indicators[4].scale"]);
  });

  it("a target equal to its baseline, or on the wrong side of it for the polarity, is refused", () => {
    const f = withRate();
    nth(f.indicators, 4).baseline = 100;
    expect(paths(f)).toEqual(["indicators[4].target"]);
    nth(f.indicators, 4).baseline = 120;
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["indicators[4].target"]);
    expect(sayIn("fr", nth(issues, 0).message)).toBe("Avec le sens « positive », la cible (100) doit être plus haute que la valeur de départ (120) : corrigez la cible, la valeur de départ ou le sens (« polarity »).");
    nth(f.indicators, 4).polarity = "negative";
    expect(checkFrameworkRules(f)).toEqual([]);
  });

  it("a figure meant to go down needs a baseline to measure progress from", () => {
    const f = withRate();
    nth(f.indicators, 4).polarity = "negative";
    nth(f.indicators, 4).target = 50;
    expect(paths(f)).toEqual(["indicators[4].baseline"]);
  });

  it("ids with capitals, spaces or accents are refused with an example", () => {
    const f = framework();
    f.id = "Petit Cadre";
    nth(f.dimensions, 0).id = "pouvoir_d_agir";
    for (const indicator of f.indicators) if (indicator.dimension === "pouvoir_agir") indicator.dimension = "pouvoir_d_agir";
    nth(f.indicators, 0).id = "agir_quartier_é";
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["id", "indicators[0].id"]);
    expect(sayIn("fr", nth(issues, 1).message)).toContain("par exemple « pouvoir_agir »");
  });

  it("a likert scale needs one label per point", () => {
    const f = framework();
    const likert = nth(f.scales, 0);
    if (likert.type === "likert") likert.labels.pop();
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["scales[0].labels"]);
    expect(sayIn("fr", nth(issues, 0).message)).toContain("5 points mais 4 libellés");
  });

  it("a choice option may not take the value reserved for « je ne sais pas », nor repeat a value", () => {
    const f = framework();
    const choice = nth(f.scales, 3);
    if (choice.type !== "choice") throw new Error("fixture");
    choice.options.push({ value: "dont_know", label: t("Je ne sais pas", "I don't know") }, { value: "jamais", label: t("Jamais encore", "Never yet") });
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["scales[3].options[2].value", "scales[3].options[3].value"]);
    expect(sayIn("fr", nth(issues, 0).message)).toContain("réservée à la réponse « Je ne sais pas / pas concerné·e »");
  });

  it("a number scale whose max is not above its min is reported", () => {
    const f = framework();
    const scale = nth(f.scales, 2);
    if (scale.type === "number") scale.max = 0;
    expect(paths(f)).toEqual(["scales[2].max"]);
  });

  it("a reported figure must use a number scale", () => {
    const f = framework();
    nth(f.indicators, 1).scale = "likert5";
    const issues = checkFrameworkRules(f);
    expect(issues.map((i) => i.path)).toEqual(["indicators[1].scale"]);
    expect(sayIn("fr", nth(issues, 0).message)).toContain("choisissez une échelle de type « number »");
  });

  it("an indicator asked to nobody, or citing no source, is reported", () => {
    const f = framework();
    nth(f.indicators, 0).audiences = [];
    nth(f.indicators, 0).sources = [];
    expect(paths(f)).toEqual(["indicators[0].audiences", "indicators[0].sources"]);
  });

  it("minN below k is reported because k already applies", () => {
    const f = framework();
    nth(f.indicators, 0).minN = 3;
    expect(paths(f)).toEqual(["indicators[0].minN"]);
    nth(f.indicators, 0).minN = 8;
    expect(paths(f)).toEqual([]);
  });

  it("locales must contain French once", () => {
    const f = framework();
    f.locales = ["en", "en"];
    expect(paths(f)).toEqual(["locales", "locales[1]"]);
  });

  it("paths read like the file: indicators[3].scale", () => {
    expect(formatPath(["indicators", 3, "scale"])).toBe("indicators[3].scale");
    expect(formatPath(["privacy", "k"])).toBe("privacy.k");
    expect(formatPath([])).toBe("");
  });
});

describe("starter frameworks", () => {
  const directory = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(directory).filter((file) => file.endsWith(".json") && file !== "framework.schema.json");

  it("there are the three starter frameworks", () => {
    expect(files.sort()).toEqual(["commande-publique-responsable.json", "parcours-insertion-iae.json", "utilite-sociale-territoriale.json"]);
  });

  it.each(files)("%s satisfies every rule", (file) => {
    const parsed = frameworkSchema.parse(JSON.parse(readFileSync(join(directory, file), "utf8")));
    expect(checkFrameworkRules(parsed)).toEqual([]);
  });

  it.each(files)("every computed indicator of %s refers to reported figures that exist and has a target", (file) => {
    const data = JSON.parse(readFileSync(join(directory, file), "utf8")) as Framework;
    const computed = data.indicators.filter((i) => i.kind === "computed");
    expect(computed.length).toBeGreaterThanOrEqual(3);
    for (const indicator of computed) {
      expect(indicator.target).toBeTypeOf("number");
      for (const figureId of [...(indicator.formula?.numerator ?? []), ...(indicator.formula?.denominator ?? [])]) {
        expect(data.indicators.find((i) => i.id === figureId)?.kind, `${indicator.id} → ${figureId}`).toBe("reported_figure");
      }
    }
  });
});
