import { describe, expect, it } from "vitest";
import { wrapLabel } from "./radar-tick";

describe("radar labels", () => {
  it("wrap a long dimension name on short lines, keeping every word whole and in order", () => {
    expect(wrapLabel("Une évaluation construite ensemble", 13)).toEqual(["Une", "évaluation", "construite", "ensemble"]);
    expect(wrapLabel("Accès à l'emploi de qualité", 13)).toEqual(["Accès à", "l'emploi de", "qualité"]);
    expect(wrapLabel("Environnement", 13)).toEqual(["Environnement"]);
    expect(wrapLabel("", 13)).toEqual([]);
  });
});
