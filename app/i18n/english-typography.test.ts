import { describe, expect, it } from "vitest";
import { en } from "./en";
import { fr } from "./fr";

/** Every string of a catalog with its key path. */
function strings(node: unknown, path = ""): [string, string][] {
  if (typeof node === "string") return [[path, node]];
  return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) => strings(value, path ? `${path}.${key}` : key));
}

describe("English typography", () => {
  it("English text has no French guillemets, no space before a colon, semicolon or exclamation mark, no space before %", () => {
    const french = strings(en).filter(([, text]) => /[«»]|[ \u00a0\u202f][:;!](\s|$)|\d[ \u00a0\u202f]%/.test(text));
    expect(french.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
  });

  it("the punctuation keys differ by language, so components never write « : » themselves", () => {
    expect(fr.typography.colon).toBe(" : ");
    expect(en.typography.colon).toBe(": ");
    expect(en.typography.quoted).not.toContain("«");
  });
});
