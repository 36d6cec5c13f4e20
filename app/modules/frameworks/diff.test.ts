import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Framework } from "../../../evaluation-frameworks/schema";
import { diffFrameworkVersions, isEmptyDiff } from "./diff";
import { nth } from "../../../tests/helpers/present";

const starter = (): Framework => JSON.parse(readFileSync("evaluation-frameworks/utilite-sociale-territoriale.json", "utf8"));

describe("diffFrameworkVersions", () => {
  it("two identical versions have no difference", () => {
    expect(isEmptyDiff(diffFrameworkVersions(starter(), starter()))).toBe(true);
  });

  it("a reworded question shows its text before and after, and nothing else", () => {
    const before = starter();
    const after = starter();
    const first = nth(after.indicators, 0);
    first.question = { fr: "Pouvez-vous agir davantage sur votre quartier ?", en: "Can you act more on your neighbourhood?" };
    const diff = diffFrameworkVersions(before, after);
    expect(diff.indicatorsReworded).toEqual([{ id: first.id, label: first.label, rewordings: [{ field: "question", before: nth(before.indicators, 0).question, after: first.question }] }]);
    expect({ ...diff, indicatorsReworded: [] }).toEqual(diffFrameworkVersions(before, before));
  });

  it("added and removed indicators are matched by id, not by position", () => {
    const before = starter();
    const after = starter();
    const removed = nth(after.indicators.splice(1, 1), 0);
    const added = { ...nth(after.indicators, 0), id: "nouvel_indicateur", label: { fr: "Nouveau", en: "New" } };
    after.indicators.unshift(added);
    const diff = diffFrameworkVersions(before, after);
    expect(diff.indicatorsAdded.map((i) => i.id)).toEqual(["nouvel_indicateur"]);
    expect(diff.indicatorsRemoved.map((i) => i.id)).toEqual([removed.id]);
    expect(diff.indicatorsReworded).toEqual([]);
    expect(diff.indicatorsChanged).toEqual([]);
  });

  it("a computed rate whose formula or target changes shows both before and after", () => {
    const before = starter();
    const after = starter();
    const rate = after.indicators.find((i) => i.id === "taux_sorties_dynamiques");
    if (!rate?.formula) throw new Error("no computed rate in the starter framework");
    const formulaBefore = rate.formula;
    rate.formula = { ...rate.formula, numerator: ["sorties_emploi_durable", "sorties_emploi_transition"] };
    rate.target = 50;
    const diff = diffFrameworkVersions(before, after);
    expect(diff.indicatorsChanged).toEqual([{ id: rate.id, label: rate.label, changes: [{ field: "formula", before: formulaBefore, after: rate.formula }, { field: "target", before: 60, after: 50 }] }]);
  });

  it("a new weight, scale or dimension is an other change with before and after", () => {
    const before = starter();
    const after = starter();
    const target = nth(after.indicators, 2);
    target.weight = 3;
    target.scale = "oui_non";
    target.dimension = nth(after.dimensions, 1).id;
    const diff = diffFrameworkVersions(before, after);
    expect(diff.indicatorsChanged).toHaveLength(1);
    expect(nth(diff.indicatorsChanged, 0).changes.map((c) => c.field).sort()).toEqual(["dimension", "scale", "weight"]);
    expect(nth(diff.indicatorsChanged, 0).changes.find((c) => c.field === "weight")).toEqual({ field: "weight", before: nth(before.indicators, 2).weight, after: 3 });
  });

  it("audiences listed in another order are not a change; a group taken away is", () => {
    const before = starter();
    const after = starter();
    const indicator = after.indicators.find((i) => i.audiences.length > 1)!;
    indicator.audiences = [...indicator.audiences].reverse();
    expect(isEmptyDiff(diffFrameworkVersions(before, after))).toBe(true);
    indicator.audiences = indicator.audiences.slice(1);
    expect(nth(diffFrameworkVersions(before, after).indicatorsChanged, 0).changes.map((c) => c.field)).toEqual(["audiences"]);
  });

  it("dimensions added, removed and renamed are listed", () => {
    const before = starter();
    const after = starter();
    const removed = after.dimensions.pop()!;
    after.dimensions.push({ id: "sante", label: { fr: "Santé", en: "Health" }, description: { fr: "…", en: "…" }, weight: 1 });
    nth(after.dimensions, 0).label = { fr: "Agir ensemble", en: "Acting together" };
    const diff = diffFrameworkVersions(before, after);
    expect(diff.dimensionsAdded.map((d) => d.id)).toEqual(["sante"]);
    expect(diff.dimensionsRemoved.map((d) => d.id)).toEqual([removed.id]);
    expect(diff.dimensionsChanged).toEqual([{ id: nth(after.dimensions, 0).id, label: nth(after.dimensions, 0).label, fields: ["label"] }]);
  });
});
