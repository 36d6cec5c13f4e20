import { describe, expect, it } from "vitest";
import { diffTarget } from "./diff-target";
import { nth } from "../../../tests/helpers/present";

const versions = [
  { id: "v3", number: 3, status: "draft" as const },
  { id: "v2", number: 2, status: "published" as const },
  { id: "v1", number: 1, status: "published" as const },
];

describe("diffTarget", () => {
  it("compares a draft with the last published version before it", () => {
    expect(diffTarget(nth(versions, 0), versions, { versionId: "origin", versionNumber: 4 })).toEqual({ versionId: "v2", number: 2, isOrigin: false });
  });
  it("compares a first draft with the version it adapts, or with nothing", () => {
    const first = { id: "v1", number: 1, status: "draft" as const };
    expect(diffTarget(first, [first], { versionId: "origin", versionNumber: 4 })).toEqual({ versionId: "origin", number: 4, isOrigin: true });
    expect(diffTarget(first, [first], null)).toBeNull();
  });
  it("offers no comparison for a published version", () => {
    expect(diffTarget(nth(versions, 1), versions, { versionId: "origin", versionNumber: 4 })).toBeNull();
  });
});
