import { describe, expect, it } from "vitest";
import { safeRedirect } from "./forms";

describe("safeRedirect", () => {
  it("keeps paths of this site", () => {
    for (const path of ["/dashboard", "/campaigns/abc?tab=1#x", "/r/ABC123", "/frameworks/x%20y"]) expect(safeRedirect(path)).toBe(path);
  });

  it("refuses every address a browser would follow to another site", () => {
    const attacks = ["//evil.example", "/\\evil.example/x", "\\\\evil.example", "/%09/evil.example", "/\t/evil.example", "/%2F/evil.example", "/%5Cevil.example", "https://evil.example", "javascript:alert(1)", " /x", "/\n/evil.example", "/%E0%A4%A", "", 42];
    for (const to of attacks) expect(safeRedirect(to, "/home"), String(to)).toBe("/home");
  });
});
