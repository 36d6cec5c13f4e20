import { describe, expect, it } from "vitest";
import { bodyLimitFor, FORM_BODY_LIMIT, MAX_CSV_IMPORT_BYTES } from "./body-limit";

describe("body limit", () => {
  it("gives a page's single-fetch data request (.data) the same limit as the page", () => {
    const importPage = "/campaigns/abc/invitations/import";
    expect(bodyLimitFor(importPage)).toBeGreaterThan(MAX_CSV_IMPORT_BYTES);
    expect(bodyLimitFor(`${importPage}.data`)).toBe(bodyLimitFor(importPage));
    expect(bodyLimitFor("/frameworks.data")).toBe(bodyLimitFor("/frameworks"));
    expect(bodyLimitFor("/members.data")).toBe(FORM_BODY_LIMIT);
    expect(bodyLimitFor("/_root.data")).toBe(FORM_BODY_LIMIT);
  });
});
