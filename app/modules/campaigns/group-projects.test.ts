import { describe, expect, it } from "vitest";
import { askedProjectIds, groupsAskedNothing, groupProjectKey, unaskedFromGrid } from "./group-projects";

const groups = ["residents", "companies"];
const projects = ["ressourcerie", "clauses"];
const key = (groupId: string, projectId: string) => groupProjectKey({ groupId, projectId });

describe("which projects a group is asked about", () => {
  it("a campaign nobody narrowed asks every group about every project", () => {
    expect(askedProjectIds(projects, [], "residents")).toEqual(projects);
  });

  it("an unticked pair of the grid is the one exclusion, in the campaign's order", () => {
    const shown = groups.flatMap((g) => projects.map((p) => key(g, p)));
    const unasked = unaskedFromGrid(groups, projects, { shown, asked: shown.filter((k) => k !== key("residents", "clauses")) });
    expect(unasked).toEqual([{ groupId: "residents", projectId: "clauses" }]);
    expect(askedProjectIds(projects, unasked, "residents")).toEqual(["ressourcerie"]);
    expect(askedProjectIds(projects, unasked, "companies")).toEqual(projects);
  });

  it("a project added in the same form (not shown in the grid yet) is asked to every group", () => {
    expect(unaskedFromGrid(groups, [...projects, "chantier"], { shown: [key("residents", "ressourcerie")], asked: [] })).toEqual([{ groupId: "residents", projectId: "ressourcerie" }]);
  });

  it("a forged pair outside the campaign is ignored", () => {
    expect(unaskedFromGrid(groups, projects, { shown: [key("intruder", "clauses"), key("residents", "other")], asked: [] })).toEqual([]);
  });

  it("a group left with no project is named, so the form can say which", () => {
    const unasked = projects.map((projectId) => ({ groupId: "companies", projectId }));
    expect(groupsAskedNothing(groups, projects, unasked)).toEqual(["companies"]);
    expect(groupsAskedNothing(groups, projects, unasked.slice(1))).toEqual([]);
  });
});
