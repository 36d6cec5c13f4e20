import { describe, expect, it } from "vitest";
import { hasStableResults } from "./availability";

describe("when results may be read", () => {
  it("never while the campaign takes answers or is still a draft", () => {
    expect(hasStableResults("draft")).toBe(false);
    expect(hasStableResults("open")).toBe(false);
  });

  it("once it is closed, in review or published", () => {
    expect(hasStableResults("closed")).toBe(true);
    expect(hasStableResults("in_review")).toBe(true);
    expect(hasStableResults("published")).toBe(true);
  });
});
