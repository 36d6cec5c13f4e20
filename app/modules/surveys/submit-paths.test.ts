import { describe, expect, it } from "vitest";
import { pathAfterSubmit, SUBMIT_PATH, surveySubmitPath } from "./submit-paths";

describe("survey submit addresses", () => {
  it("the review page posts to the address the endpoint answers", () => {
    expect(SUBMIT_PATH.exec(surveySubmitPath("AB3D5FGH7K"))?.[1]).toBe("AB3D5FGH7K");
    expect(SUBMIT_PATH.test("/r/AB3D5FGH7K")).toBe(false);
    expect(SUBMIT_PATH.test("/r/AB3D5FGH7K/envoyer?x=1")).toBe(false);
  });

  it("a sent survey, even sent twice, lands on the thank-you page; a missing answer on its question", () => {
    expect(pathAfterSubmit("AB3D5FGH7K", { status: "submitted" })).toBe("/r/AB3D5FGH7K/merci");
    expect(pathAfterSubmit("AB3D5FGH7K", { status: "already" })).toBe("/r/AB3D5FGH7K/merci");
    expect(pathAfterSubmit("AB3D5FGH7K", { status: "incomplete", firstMissingStep: 3 })).toBe("/r/AB3D5FGH7K?step=3");
    expect(pathAfterSubmit("AB3D5FGH7K", { status: "closed" })).toBe("/r/AB3D5FGH7K");
  });
});
