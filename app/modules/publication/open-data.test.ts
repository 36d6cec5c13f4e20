import { describe, expect, it } from "vitest";
import type { Snapshot } from "../review/snapshot";
import { checkDataPackage } from "./datapackage-check";
import { dataPackage, openDataFile, openDataJson } from "./open-data";

const snapshot: Snapshot = {
  schemaVersion: 1,
  evaluationId: "ev1",
  territory: { slug: "demo", name: "Démo" },
  campaign: { title: "Évaluation", description: "", opensOn: null, closesOn: null, k: 5, isAnonymous: true },
  framework: { title: { fr: "Cadre", en: "Framework" }, version: "1.0.0", sources: [], scoring: null, limits: null },
  summary: "",
  dates: { reviewOpenedAt: null, reviewClosedAt: null, publishedAt: "2026-12-02T10:00:00Z" },
  groups: [{ id: "residents", label: { fr: "Habitants", en: "Residents" } }],
  dimensions: [{ id: "power", label: { fr: "Pouvoir d'agir", en: "Power" } }],
  projects: [{ id: "p1", name: "Ressourcerie" }],
  participation: [{ groupId: "residents", source: "online", invited: 10, responses: 4 }],
  findings: [
    {
      id: "f1",
      projectId: "p1",
      dimensionId: "power",
      title: "Constat",
      body: "Texte",
      figures: { score: { hidden: false, score: 62.25, low: 50, high: 74.5 }, groups: [{ groupId: "residents", score: { hidden: true } }], indicators: [],
        divergence: null,
        stories: [],
        workshopPositions: [{ indicatorId: "q1", label: { fr: "Q1", en: "Q1" }, kind: "divided", reasoning: "Le groupe hésite", minorityView: "@SUM(A1)" }],
        reported: [
          { indicatorId: "hours", label: { fr: "Heures", en: "Hours" }, kind: "reported", unit: { fr: "heures", en: "hours" }, baseline: 1000, target: 2000, result: { hidden: false, value: 1500.5, progress: 50.05 } },
          { indicatorId: "rate", label: { fr: "Taux", en: "Rate" }, kind: "computed", unit: null, baseline: null, target: 60, result: { hidden: true } },
        ],
      },
      positions: [{ association: "Asso", position: "disagree", reason: "=1+1", rewording: null }],
      answer: null,
      commitments: [],
    },
  ],
  carriedCommitments: [],
};

describe("open data of a published evaluation", () => {
  it("a masked score is marked « masque » with empty cells in CSV and null in JSON, never filled", () => {
    const csv = openDataFile(snapshot, "scores.csv").body;
    expect(csv).toContain("f1;Ressourcerie;power;Pouvoir d'agir;residents;Habitants;masque;;;");
    expect(csv).toContain("62,3;50;74,5");
    expect(openDataJson(snapshot).tables.scores?.[1]).toMatchObject({ status: "masque", score: null, low: null, high: null });
  });

  it("a formula-looking reason or minority view is neutralised in the CSV", () => {
    expect(openDataFile(snapshot, "positions.csv").body).toContain("'=1+1");
    expect(openDataFile(snapshot, "workshop_positions.csv").body).toContain("'@SUM(A1)");
  });

  it("reported figures face their target; a masked rate keeps its target but no value nor progress", () => {
    const csv = openDataFile(snapshot, "reported.csv").body;
    expect(csv).toContain("f1;Ressourcerie;power;hours;Heures;reported;heures;shown;1500,5;1000;2000;50,1");
    expect(csv).toContain("f1;Ressourcerie;power;rate;Taux;computed;;masque;;;60;");
    expect(openDataJson(snapshot).tables.reported?.[1]).toMatchObject({ status: "masque", value: null, progress: null, target: 60 });
  });

  it("the data package validates, and the validator catches a wrong cell and a wrong header", () => {
    const read = (path: string) => openDataFile(snapshot, path as "scores.csv").body;
    expect(checkDataPackage(dataPackage(snapshot), read)).toEqual([]);
    const broken = (path: string) => (path === "scores.csv" ? read(path).replace("62,3", "soixante") : read(path));
    expect(checkDataPackage(dataPackage(snapshot), broken)).toEqual([expect.stringContaining("« soixante » is not a number")]);
    expect(checkDataPackage(dataPackage(snapshot), (path) => (path === "findings.csv" ? "a;b\r\n" : read(path)))[0]).toMatch(/header/);
    expect(checkDataPackage({ name: "Bad Name", resources: [] }, read).length).toBeGreaterThan(0);
  });
});
