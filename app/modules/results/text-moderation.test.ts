import { describe, expect, it } from "vitest";
import { isTextPublishable, moderateText } from "./text-moderation";

describe("moderation of written words", () => {
  it("approves or rejects the text as written", () => {
    expect(moderateText("Merci à Léa du 12 rue Haute", { decision: "approve" })).toEqual({ ok: true, status: "approved", text: "Merci à Léa du 12 rue Haute" });
    expect(moderateText("Merci à Léa", { decision: "reject" })).toEqual({ ok: true, status: "rejected", text: "Merci à Léa" });
  });

  it("anonymising replaces the text and approves it; an empty or unchanged rewrite is refused", () => {
    expect(moderateText("Merci à Léa du 12 rue Haute", { decision: "anonymise", text: "  Merci à une voisine.  " })).toEqual({ ok: true, status: "approved", text: "Merci à une voisine." });
    expect(moderateText("Merci à Léa", { decision: "anonymise", text: " Merci à Léa " })).toEqual({ ok: false });
    expect(moderateText("Merci à Léa", { decision: "anonymise", text: "" })).toEqual({ ok: false });
    expect(moderateText("Merci à Léa", { decision: "anonymise" })).toEqual({ ok: false });
  });

  it("a text is read only approved and from a group at the threshold", () => {
    expect(isTextPublishable("approved", 10, 10)).toBe(true);
    expect(isTextPublishable("approved", 9, 10)).toBe(false);
    expect(isTextPublishable("pending", 50, 10)).toBe(false);
    expect(isTextPublishable("rejected", 50, 10)).toBe(false);
  });
});
