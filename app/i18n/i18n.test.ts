import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";
import { createTranslator, formatDate, formatPercent } from "./i18n";

function keysOf(node: object, prefix = ""): string[] {
  return Object.entries(node).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

describe("i18n", () => {
  it("English has exactly the keys French has, none empty", () => {
    expect(keysOf(en).sort()).toEqual(keysOf(fr).sort());
    for (const key of keysOf(en)) expect(createTranslator("en").dynamic(key), key).not.toBe("");
  });

  it("fills parameters and formats numbers the French way", () => {
    const t = createTranslator("fr");
    expect(t.plural("common.responses", 1)).toBe("1 réponse");
    expect(t.plural("common.responses", 1234)).toBe("1\u202f234 réponses");
  });

  it("shows dates and percentages as a French reader expects", () => {
    expect(formatDate("fr", "2026-12-03")).toBe("3 déc. 2026");
    expect(formatPercent("fr", 0.125, 1)).toBe("12,5\u00a0%");
  });

  it("a confirmation that came as data agrees with its number (« 1 invitation importée », « 2 invitations importées »)", () => {
    const t = createTranslator("fr");
    expect(t.dynamic("invitations.csv.imported", { count: 1 })).toBe("1 invitation importée.");
    expect(t.dynamic("invitations.csv.imported", { count: 2 })).toBe("2 invitations importées.");
  });

  it("shows an unknown error text as it is rather than a key", () => {
    expect(createTranslator("fr").dynamic("Texte libre")).toBe("Texte libre");
  });
});
