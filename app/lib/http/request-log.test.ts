import { describe, expect, it } from "vitest";
import { requestLogLine } from "./request-log";

const patterns = ["/", "/s/:code", "/r/:resume", "/r/:resume/merci", "/a/:code", "/campaigns/:campaignId", "/reset-password/:token", "/unsubscribe/:token"];

describe("access log line", () => {
  it("names the route pattern, never the URL with its code or token", () => {
    const line = requestLogLine(patterns, { method: "GET", url: "/reset-password/SECRET-TOKEN?x=1" }, 200, 12.345, "id-1");
    expect(line).toEqual({ reqId: "id-1", method: "GET", route: "/reset-password/:token", status: 200, ms: 12.3 });
    expect(JSON.stringify(requestLogLine(patterns, { method: "POST", url: "/unsubscribe/abc.def" }, 302, 1, "id-2"))).not.toContain("abc");
  });
  it("writes nothing for a resident's survey pages, the submit and workshop votes", () => {
    for (const url of ["/s/AB3D5FGH7K", "/r/ABCDEFGHJK", "/r/ABCDEFGHJK/envoyer", "/r/ABCDEFGHJK/merci.data", "/a/XYZ", "/s.data"]) {
      expect(requestLogLine(patterns, { method: "POST", url }, 302, 3, "id")).toBeNull();
    }
  });
  it("says unmatched for an unknown path instead of repeating it", () => {
    expect(requestLogLine(patterns, { method: "GET", url: "/wp-admin/secret@mail.fr" }, 404, 1, "id")?.route).toBe("(unmatched)");
  });
});
