import { describe, expect, it } from "vitest";
import { ID_PATTERN } from "../../../evaluation-frameworks/rules";
import { slugify, uniqueId } from "./slug";

describe("ids derived from what people type", () => {
  it("a French label becomes a readable id without accents", () => {
    expect(slugify("Accès à l'emploi de qualité")).toBe("acces_a_l_emploi_de_qualite");
    expect(slugify("Cœur de quartier")).toBe("coeur_de_quartier");
    expect(slugify("Utilité sociale — Commune de Démo", "-")).toBe("utilite-sociale-commune-de-demo");
  });

  it("an id always starts with a letter and matches the file format", () => {
    expect(slugify("2026 : bilan")).toBe("bilan");
    expect(ID_PATTERN.test(slugify("  ÉÉ  12 "))).toBe(true);
  });

  it("a label with no letter gets the fallback", () => {
    expect(slugify("!!!", "_", "indicateur")).toBe("indicateur");
    expect(slugify("123", "_", "indicateur")).toBe("indicateur");
  });

  it("a long label is cut at a word, under 48 characters", () => {
    const id = slugify("Les personnes accompagnées trouvent un emploi durable dans les six mois qui suivent leur sortie");
    expect(id.length).toBeLessThanOrEqual(48);
    expect(id.endsWith("_")).toBe(false);
  });

  it("a taken id gets the next free number", () => {
    expect(uniqueId("confiance", ["autre"])).toBe("confiance");
    expect(uniqueId("confiance", ["confiance", "confiance_2"])).toBe("confiance_3");
    expect(uniqueId("mon-cadre", ["mon-cadre"], "-")).toBe("mon-cadre-2");
  });
});
