import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkFrameworkDirectory, listFrameworkFiles } from "./check";
import { parseFrameworkFile, type Framework } from "./schema";
import { checkSharedSet, readSharedSet, SHARED_SET_FILE } from "./shared-set";
import { sayIn } from "../app/i18n/say";
import { nth } from "../tests/helpers/present";

const directory = dirname(fileURLToPath(import.meta.url));
const starterFiles = listFrameworkFiles(directory);

function starter(file: string): Framework {
  const parsed = parseFrameworkFile(JSON.parse(readFileSync(join(directory, file), "utf8")));
  if (!parsed.ok) throw new Error(`${file} refused`);
  return parsed.framework;
}

function sharedSet() {
  const shared = readSharedSet(directory);
  if (!shared) throw new Error(`no ${SHARED_SET_FILE}`);
  return shared;
}

const EXIT_IDS = ["sorties_nombre", "sorties_emploi_durable", "sorties_emploi_transition", "sorties_positives", "sorties_autres", "taux_sorties_dynamiques", "taux_sorties_emploi_durable"];

describe("the common base of the starter frameworks", () => {
  it("holds the DGEFP exit set: four categories of one exit cohort and two computed rates", () => {
    const shared = sharedSet();
    expect(shared.indicators.filter((i) => EXIT_IDS.includes(i.id)).map((i) => [i.id, i.kind])).toEqual([
      ["sorties_nombre", "reported_figure"],
      ["sorties_emploi_durable", "reported_figure"],
      ["sorties_emploi_transition", "reported_figure"],
      ["sorties_positives", "reported_figure"],
      ["sorties_autres", "reported_figure"],
      ["taux_sorties_dynamiques", "computed"],
      ["taux_sorties_emploi_durable", "computed"],
    ]);
    const dynamic = shared.indicators.find((i) => i.id === "taux_sorties_dynamiques");
    expect(dynamic?.formula).toEqual({ numerator: ["sorties_emploi_durable", "sorties_emploi_transition", "sorties_positives"], denominator: ["sorties_nombre"], multiplier: 100 });
    expect(dynamic?.target).toBe(60);
    expect(shared.indicators.find((i) => i.id === "sorties_emploi_durable")?.help?.fr).toContain("titularisation dans la fonction publique ; création d'entreprise");
  });

  it.each(starterFiles)("%s carries the whole base unchanged", (file) => {
    expect(checkSharedSet(starter(file), sharedSet())).toEqual([]);
  });

  it("the three starter frameworks define an exit the same way, word for word", () => {
    const frameworks = starterFiles.map(starter);
    expect(frameworks).toHaveLength(3);
    const definitions = frameworks.map((f) => EXIT_IDS.map((id) => {
      const indicator = f.indicators.find((i) => i.id === id);
      return indicator && { question: indicator.question, help: indicator.help, formula: indicator.formula, target: indicator.target, scale: f.scales.find((s) => s.id === indicator.scale) };
    }));
    expect(nth(definitions, 0).every(Boolean)).toBe(true);
    expect(definitions[1]).toEqual(definitions[0]);
    expect(definitions[2]).toEqual(definitions[0]);
  });
});

describe("npm run frameworks:check and the common base", () => {
  let tmp: string | undefined;
  afterEach(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
    tmp = undefined;
  });

  /** A copy of the starter folder where one file is changed by `edit`. */
  function folderWithEdit(file: string, edit: (data: { indicators: { id: string; help?: { fr: string } }[]; scales: { id: string }[] }) => void): string {
    tmp = mkdtempSync(join(tmpdir(), "frameworks-shared-"));
    cpSync(directory, tmp, { recursive: true, filter: (source) => !source.endsWith(".ts") });
    const data = JSON.parse(readFileSync(join(tmp, file), "utf8"));
    edit(data);
    writeFileSync(join(tmp, file), JSON.stringify(data));
    return tmp;
  }

  it("accepts the starter folder as it is", () => {
    expect(checkFrameworkDirectory(directory)).toEqual({ problems: [], frameworkCount: 3 });
  });

  it("refuses a framework whose definition of lasting employment drifts from the base, naming the field", () => {
    const folder = folderWithEdit("commande-publique-responsable.json", (data) => {
      const exit = data.indicators.find((i) => i.id === "sorties_emploi_durable");
      if (exit?.help) exit.help.fr = "Emploi durable : CDI ou CDD de 6 mois ou plus.";
    });
    const { problems } = checkFrameworkDirectory(folder);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: "commande-publique-responsable.json", path: expect.stringMatching(/^indicators\[\d+\]\.help \[sorties_emploi_durable\]$/) });
    expect(sayIn("fr", nth(problems, 0).message)).toContain("diffère du socle commun");
    expect(sayIn("en", nth(problems, 0).message)).toContain("differs from the common base");
  });

  it("refuses a framework that leaves out a shared rate", () => {
    const folder = folderWithEdit("parcours-insertion-iae.json", (data) => {
      data.indicators = data.indicators.filter((i) => i.id !== "taux_sorties_emploi_durable");
    });
    const { problems } = checkFrameworkDirectory(folder);
    expect(problems.map((p) => [p.file, p.path])).toEqual([["parcours-insertion-iae.json", "indicators"]]);
    expect(sayIn("fr", nth(problems, 0).message)).toContain("Il manque l'indicateur « taux_sorties_emploi_durable » du socle commun");
  });

  it("lets a framework ask its own stakeholder group to report the exits", () => {
    const shared = sharedSet();
    const framework = starter("utilite-sociale-territoriale.json");
    const moved = { ...framework, indicators: framework.indicators.map((i) => (i.id === "sorties_nombre" ? { ...i, audiences: ["council"], dimension: "developpement_local" } : i)) };
    expect(checkSharedSet(moved, shared)).toEqual([]);
  });
});
