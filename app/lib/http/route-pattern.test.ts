import { describe, expect, it } from "vitest";
import { patternsOfManifest, routePatternFor } from "./route-pattern";

const patterns = ["/", "/s/:code", "/s", "/campaigns/:campaignId", "/campaigns/new", "/campaigns/:campaignId/results/:indicatorId", "/t/:territorySlug/evaluations/:evaluationId/data/:file", "/files/*"];

describe("route pattern of a path", () => {
  it("names the pattern, never the code or token in the URL", () => {
    expect(routePatternFor(patterns, "/s/AB3D5FGH7K")).toBe("/s/:code");
    expect(routePatternFor(patterns, "/campaigns/abc/results/fierte")).toBe("/campaigns/:campaignId/results/:indicatorId");
  });
  it("prefers a literal segment over a parameter, and reads single-fetch data paths", () => {
    expect(routePatternFor(patterns, "/campaigns/new")).toBe("/campaigns/new");
    expect(routePatternFor(patterns, "/campaigns/xyz.data")).toBe("/campaigns/:campaignId");
    expect(routePatternFor(patterns, "/_root.data")).toBe("/");
  });
  it("matches splats and says null for an unknown path", () => {
    expect(routePatternFor(patterns, "/files/a/b/c")).toBe("/files/*");
    expect(routePatternFor(patterns, "/nowhere/at/all")).toBeNull();
  });
  it("builds full patterns from a route manifest", () => {
    const routes = { root: { id: "root", path: "" }, "routes/s.$code": { id: "routes/s.$code", parentId: "root", path: "s/:code" }, "routes/_index": { id: "routes/_index", parentId: "root" } };
    expect(patternsOfManifest(routes).sort()).toEqual(["/", "/s/:code"]);
  });
});
