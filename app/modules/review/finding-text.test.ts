import { describe, expect, it } from "vitest";
import { createTranslator } from "../../i18n/i18n";
import type { FindingFigures } from "./figures";
import { findingTexts } from "./finding-text";

const labels = {
  projects: [{ id: "p1", name: "Ressourcerie du Nord" }],
  dimensions: [{ id: "power", label: { fr: "Pouvoir d'agir", en: "Power to act" } }],
  groups: [
    { id: "residents", label: { fr: "Habitant·es", en: "Residents" } },
    { id: "council", label: { fr: "Collectivité", en: "Council" } },
  ],
};
const figures: FindingFigures = {
  score: { hidden: false, score: 71.6, low: 60.2, high: 80 },
  groups: [],
  indicators: [],
  divergence: { highGroupId: "residents", lowGroupId: "council", gap: 20.4 },
  stories: [],
  workshopPositions: [],
  reported: [],
};
const generated = { projectId: "p1", dimensionId: "power", title: "", body: "", figures };

describe("a finding's text in the reader's language", () => {
  it("a generated finding is written in French for a French reader and in English for an English one", () => {
    expect(findingTexts(createTranslator("fr"), labels)(generated)).toEqual({
      title: "Ressourcerie du Nord — Pouvoir d'agir",
      body: "Score de 72 sur 100 (intervalle à 95 % de 60 à 80). Les parties prenantes divergent : Habitant·es donne 20 points de plus que Collectivité.",
      isCouncilText: false,
    });
    expect(findingTexts(createTranslator("en"), labels)(generated)).toEqual({
      title: "Ressourcerie du Nord — Power to act",
      body: "Score of 72 out of 100 (95% interval from 60 to 80). Stakeholders diverge: Residents gives 20 points more than Council.",
      isCouncilText: false,
    });
  });

  it("a masked score says it is masked and gives no number", () => {
    const body = findingTexts(createTranslator("fr"), labels)({ ...generated, figures: { ...figures, score: { hidden: true }, divergence: null } }).body;
    expect(body).toBe("Score masqué : trop peu de réponses dans une partie prenante pour le publier sans risque.");
  });

  it("the council's edited words are shown as written, in every language", () => {
    const edited = { ...generated, title: "Un lieu qui donne envie d'agir", body: "Texte de la collectivité." };
    expect(findingTexts(createTranslator("en"), labels)(edited)).toEqual({ title: "Un lieu qui donne envie d'agir", body: "Texte de la collectivité.", isCouncilText: true });
  });
});
