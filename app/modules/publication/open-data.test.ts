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
      figures: { score: { hidden: false, score: 62.25, low: 50, high: 74.5 }, groups: [{ groupId: "residents", score: { hidden: true } }], indicators: [], divergence: null, stories: [] },
      positions: [{ association: "Asso", position: "disagree", reason: "=1+1", rewording: null }],
      answer: null,
      commitments: [],
    },
  ],
  carriedCommitments: [],
  reportedFigures: [],
};

describe("open data of a published evaluation", () => {
  it("a masked score is marked « masque » with empty cells in CSV and null in JSON, never filled", () => {
    const csv = openDataFile(snapshot, "scores.csv").body;
    expect(csv).toContain("f1;Ressourcerie;power;Pouvoir d'agir;residents;Habitants;masque;;;");
    expect(csv).toContain("62,3;50;74,5");
    expect(openDataJson(snapshot).tables.scores?.[1]).toMatchObject({ status: "masque", score: null, low: null, high: null });
  });

  it("a formula-looking reason is neutralised in the CSV", () => {
    expect(openDataFile(snapshot, "positions.csv").body).toContain("'=1+1");
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
