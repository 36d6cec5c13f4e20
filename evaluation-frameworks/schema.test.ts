import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkFrameworkDirectory, formatProblem, JSON_SCHEMA_FILE } from "./check";
import { frameworkJsonSchemaText, parseFrameworkFile, type Framework, type FrameworkIssue } from "./schema";
import { sayIn } from "../app/i18n/say";
import { inBoth } from "../tests/helpers/messages";
import { nth } from "../tests/helpers/present";

const directory = dirname(fileURLToPath(import.meta.url));
const starterFiles = readdirSync(directory).filter((file) => file.endsWith(".json") && file !== JSON_SCHEMA_FILE);

/** A fresh copy of a starter file, as plain JSON the test can break. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function starter(file = "utilite-sociale-territoriale.json"): any {
  return JSON.parse(readFileSync(join(directory, file), "utf8"));
}

/** Index of an indicator by id, so tests do not depend on the order in the file. */
function indicatorIndex(data: { indicators: { id: string }[] }, id: string): number {
  const index = data.indicators.findIndex((i) => i.id === id);
  if (index < 0) throw new Error(`no indicator ${id}`);
  return index;
}

function issuesOf(data: unknown): FrameworkIssue[] {
  const result = parseFrameworkFile(data);
  if (result.ok) throw new Error("expected the file to be refused");
  return result.issues;
}

describe("parseFrameworkFile", () => {
  it.each(starterFiles)("the starter file %s is accepted", (file) => {
    const result = parseFrameworkFile(starter(file));
    expect(result.ok ? [] : result.issues).toEqual([]);
  });

  it("an accepted file comes back typed, with every indicator's scale known", () => {
    const result = parseFrameworkFile(starter());
    if (!result.ok) throw new Error("refused");
    const framework: Framework = result.framework;
    const scaleIds = new Set(framework.scales.map((s) => s.id));
    expect(framework.indicators.every((i) => scaleIds.has(i.scale))).toBe(true);
  });

  it("an indicator pointing at a missing scale is reported with its path and how to fix it", () => {
    const data = starter();
    const i = indicatorIndex(data, "pa_confiance");
    data.indicators[i].scale = "likert7";
    const issues = issuesOf(data);
    expect(issues).toHaveLength(1);
    expect(nth(issues, 0).path).toBe(`indicators[${i}].scale`);
    expect(sayIn("fr", nth(issues, 0).message)).toMatch(/^L'échelle « likert7 » n'existe pas : ajoutez-la dans « scales » ou choisissez une échelle existante \(oui_non_5, /);
    expect(sayIn("en", nth(issues, 0).message)).toMatch(/^The scale "likert7" does not exist/);
  });

  it("a duplicate indicator id is reported at the copy", () => {
    const data = starter();
    const first = indicatorIndex(data, "pa_confiance");
    data.indicators[first + 2].id = "pa_confiance";
    const issues = issuesOf(data);
    expect(issues.map((i) => i.path)).toEqual([`indicators[${first + 2}].id`]);
    expect(sayIn("fr", nth(issues, 0).message)).toContain(`déjà utilisé par indicators[${first}]`);
  });

  it("a missing English text is reported at its path and asks for the translation", () => {
    const data = starter();
    const i = indicatorIndex(data, "dl_idees");
    delete data.indicators[i].question.en;
    expect(inBoth(issuesOf(data))).toEqual([
      {
        path: `indicators[${i}].question.en`,
        message: {
          fr: `Le texte anglais (« en ») manque : ajoutez "en": "…" à côté de "fr" ; chaque texte existe en français et en anglais.`,
          en: `The English text ("en") is missing: add "en": "…" next to "fr"; every text exists in French and English.`,
        },
      },
    ]);
  });

  it("an empty English text is reported like a blank one", () => {
    const data = starter();
    data.title.en = "";
    expect(inBoth(issuesOf(data))).toEqual([{ path: "title.en", message: expect.objectContaining({ fr: expect.stringContaining("est vide : écrivez la traduction anglaise") }) }]);
  });

  it("a weight of 0 is reported at its path, saying what to write instead", () => {
    const data = starter();
    const i = indicatorIndex(data, "eq_embauches");
    data.indicators[i].weight = 0;
    expect(inBoth(issuesOf(data))).toEqual([
      {
        path: `indicators[${i}].weight`,
        message: {
          fr: "Le poids doit être un nombre supérieur à 0 (ici : 0) : mettez 1 pour un poids normal, 2 pour compter double.",
          en: "The weight must be a number above 0 (here: 0): use 1 for a normal weight, 2 to count double.",
        },
      },
    ]);
  });

  it("k = 2 is refused with the reason and the recommended value", () => {
    const data = starter();
    data.privacy.k = 2;
    const issues = issuesOf(data);
    expect(issues.map((i) => i.path)).toEqual(["privacy.k"]);
    expect(sayIn("fr", nth(issues, 0).message)).toBe("k vaut 2 : il doit être un nombre entier d'au moins 3, sinon les réponses de trop petits groupes pourraient être reconnues. Mettez 5 (valeur conseillée).");
  });

  it("k may be left out and then defaults to 5", () => {
    const data = starter();
    delete data.privacy.k;
    const result = parseFrameworkFile(data);
    expect(result.ok && result.framework.privacy.k).toBe(5);
  });

  it("value problems and reference problems are reported together, so one run shows them all", () => {
    const data = starter();
    const a = indicatorIndex(data, "pa_rencontres");
    const b = indicatorIndex(data, "dl_frequentation");
    data.indicators[a].weight = 0;
    data.indicators[b].scale = "frequence";
    data.privacy.kFreeText = 2;
    expect(issuesOf(data).map((i) => i.path)).toEqual([`indicators[${a}].weight`, "privacy.kFreeText", `indicators[${b}].scale`]);
  });

  it("a file that is not an object is refused at the root with how to start", () => {
    for (const data of [[], "cadre", null]) {
      const issues = issuesOf(data);
      expect(issues).toHaveLength(1);
      expect(nth(issues, 0).path).toBe("");
      expect(sayIn("fr", nth(issues, 0).message)).toContain("Le fichier doit contenir un objet JSON");
    }
  });

  it("a field of the wrong type says what was expected and what was found", () => {
    const data = starter();
    data.indicators = "toutes les questions";
    expect(inBoth(issuesOf(data))).toEqual([
      { path: "indicators", message: { fr: "« indicators » doit être une liste [ … ], pas un texte entre guillemets : corrigez la valeur.", en: `"indicators" must be a list [ … ], not a text in quotes: fix the value.` } },
    ]);
  });

  it("a question written as plain text asks for both languages", () => {
    const data = starter();
    data.indicators[0].question = "Pouvez-vous agir ?";
    const issue = nth(issuesOf(data), 0);
    expect(issue.path).toBe("indicators[0].question");
    expect(sayIn("fr", issue.message)).toBe(`« question » doit être un texte en deux langues { "fr": "…", "en": "…" }, pas un texte entre guillemets : corrigez la valeur.`);
  });

  it("a missing required field is named", () => {
    const data = starter();
    delete data.indicators[1].polarity;
    const issue = nth(issuesOf(data), 0);
    expect(issue.path).toBe("indicators[1].polarity");
    expect(sayIn("fr", issue.message)).toContain("Le champ « polarity » manque : ajoutez-le");
  });

  it("an unknown scale type lists the possible types", () => {
    const data = starter();
    data.scales[0].type = "likert7";
    const issue = nth(issuesOf(data), 0);
    expect(issue.path).toBe("scales[0].type");
    expect(sayIn("fr", issue.message)).toBe("Le type d'échelle « likert7 » n'existe pas : choisissez parmi « likert », « rating », « yes_no », « choice », « number », « text ».");
  });

  it("a misspelled field is reported as unknown instead of being silently ignored", () => {
    const data = starter();
    data.indicators[0].hepl = { fr: "Aide", en: "Help" };
    const issue = nth(issuesOf(data), 0);
    expect(issue.path).toBe("indicators[0]");
    expect(sayIn("fr", issue.message)).toMatch(/^Champ inconnu « hepl » : vérifiez l'orthographe/);
  });

  it("a value outside a list of choices gives the possible values", () => {
    const data = starter();
    data.indicators[0].level = "result";
    const issue = nth(issuesOf(data), 0);
    expect(sayIn("fr", issue.message)).toBe("« level » vaut « result » : valeurs possibles « realisation », « resultat », « impact ».");
  });

  it("bad id, version, year and url are each explained", () => {
    const data = starter();
    data.id = "Utilité sociale";
    data.version = "1.0";
    data.sources[0].year = 2020.5;
    data.sources[0].url = "coorace.org";
    const issues = issuesOf(data);
    expect(issues.map((i) => i.path)).toEqual(["id", "version", "sources[0].year", "sources[0].url"]);
    expect(sayIn("fr", nth(issues, 1).message)).toContain("par exemple « 1.0.0 »");
    expect(sayIn("fr", nth(issues, 2).message)).toBe("« year » vaut 2020.5 : il doit être un nombre entier.");
    expect(sayIn("fr", nth(issues, 3).message)).toContain("https://");
  });

  it("a free-text scale without maxLength is refused", () => {
    const data = starter();
    const scale = data.scales.find((s: { type: string }) => s.type === "text");
    delete scale.maxLength;
    expect(issuesOf(data).map((i) => sayIn("fr", i.message))).toEqual([expect.stringContaining("Le champ « maxLength » manque")]);
  });
});

describe("framework.schema.json", () => {
  it("is the JSON Schema generated from schema.ts (after changing schema.ts, run npm run frameworks:check -- --write-json-schema)", () => {
    expect(readFileSync(join(directory, JSON_SCHEMA_FILE), "utf8")).toBe(frameworkJsonSchemaText());
  });

  it.each(starterFiles)("%s points editors at it", (file) => {
    expect(starter(file).$schema).toBe("./framework.schema.json");
  });
});

describe("frameworks:check", () => {
  let tmp: string | undefined;
  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = undefined;
  });

  function folderWith(files: Record<string, string>, schema = frameworkJsonSchemaText()): string {
    tmp = mkdtempSync(join(tmpdir(), "frameworks-"));
    writeFileSync(join(tmp, JSON_SCHEMA_FILE), schema);
    for (const [name, text] of Object.entries(files)) writeFileSync(join(tmp, name), text);
    return tmp;
  }

  it("counts the valid frameworks of a folder", () => {
    const folder = folderWith({ "utilite-sociale-territoriale.json": JSON.stringify(starter()) });
    expect(checkFrameworkDirectory(folder)).toEqual({ problems: [], frameworkCount: 1 });
  });

  it("prints one line per problem with file, path, item id and the French message", () => {
    const data = starter();
    const i = indicatorIndex(data, "pa_confiance");
    data.indicators[i].scale = "likert7";
    const folder = folderWith({ "utilite-sociale-territoriale.json": JSON.stringify(data) });
    const lines = checkFrameworkDirectory(folder).problems.map(formatProblem);
    expect(lines).toEqual([`utilite-sociale-territoriale.json: indicators[${i}].scale [pa_confiance] — ${sayIn("fr", nth(issuesOf(data), 0).message)}`]);
  });

  it("reports broken JSON, a file named differently from its id, and a missing $schema", () => {
    const renamed = starter();
    delete renamed.$schema;
    const folder = folderWith({ "broken.json": '{ "id": "x", }', "autre-nom.json": JSON.stringify(renamed) });
    const lines = checkFrameworkDirectory(folder).problems.map(formatProblem);
    expect(lines).toEqual([
      expect.stringMatching(/^autre-nom\.json: \$schema — Le fichier doit commencer par "\$schema"/),
      "autre-nom.json: id — Le fichier s'appelle « autre-nom.json » mais l'identifiant du cadre est « utilite-sociale-territoriale » : renommez le fichier en « utilite-sociale-territoriale.json » ou corrigez « id ».",
      expect.stringMatching(/^broken\.json: Ce n'est pas du JSON valide/),
    ]);
  });

  it("fails when framework.schema.json is out of date, and --write-json-schema repairs it", () => {
    const folder = folderWith({ "utilite-sociale-territoriale.json": JSON.stringify(starter()) }, "{}\n");
    expect(checkFrameworkDirectory(folder).problems.map(formatProblem)).toEqual([expect.stringMatching(/^framework\.schema\.json: Ce fichier n'est plus à jour avec schema\.ts/)]);
    expect(checkFrameworkDirectory(folder, { writeJsonSchema: true }).problems).toEqual([]);
    expect(readFileSync(join(folder, JSON_SCHEMA_FILE), "utf8")).toBe(frameworkJsonSchemaText());
  });
});
