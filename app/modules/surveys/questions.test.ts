import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Framework } from "../../../evaluation-frameworks/schema";
import { ratingEndLabel } from "./labels";
import { answerKey, isScreening, SCREENING_ID, submittedRows, surveySteps } from "./questions";

const framework = JSON.parse(readFileSync("evaluation-frameworks/utilite-sociale-territoriale.json", "utf8")) as Framework;
const known = (projectId: string) => answerKey({ projectId, indicator: { id: SCREENING_ID } });

describe("screening: « Connaissez-vous ce projet ? »", () => {
  it("comes first for every project, then only the questions of the projects not answered « no »", () => {
    const all = surveySteps(framework, "residents", ["p1", "p2"]);
    expect(all.slice(0, 2).map((s) => [s.projectId, isScreening(s)])).toEqual([
      ["p1", true],
      ["p2", true],
    ]);
    const perProject = (all.length - 2) / 2;
    expect(perProject).toBeGreaterThan(0);
    const onlyP1 = surveySteps(framework, "residents", ["p1", "p2"], { [known("p1")]: "yes", [known("p2")]: "no" });
    expect(onlyP1).toHaveLength(2 + perProject);
    expect(new Set(onlyP1.filter((s) => !isScreening(s)).map((s) => s.projectId))).toEqual(new Set(["p1"]));
  });

  it("a « no » is counted for participation, never written as an answer; « yes » adds nothing", () => {
    const answers = { [known("p1")]: "yes", [known("p2")]: "no" };
    const steps = surveySteps(framework, "residents", ["p1", "p2"], answers);
    const first = steps.find((s) => !isScreening(s))!;
    const rows = submittedRows(steps, { ...answers, [answerKey(first)]: "dont_know", [answerKey({ projectId: "p2", indicator: first.indicator })]: "dont_know" });
    expect(rows).toEqual([
      { projectId: "p2", indicatorId: SCREENING_ID, value: "no", counted: ["no"], isAnswer: false },
      { projectId: "p1", indicatorId: first.indicator.id, value: "dont_know", counted: ["*", "dont_know"], isAnswer: true },
    ]);
  });
});

describe("ratingEndLabel", () => {
  it("drops the number a framework already wrote into the label, keeps a plain label", () => {
    expect(ratingEndLabel(0, "0 : pas du tout")).toBe("pas du tout");
    expect(ratingEndLabel(10, "10: completely")).toBe("completely");
    expect(ratingEndLabel(0, "pas du tout")).toBe("pas du tout");
  });
});
