import { describe, expect, it } from "vitest";
import { arrivalOrigin, isSameOriginSender, siteOrigin } from "./origin";

const direct = { host: "app.example:3000", https: false, forwardedHost: "evil.example", forwardedProto: "https" };
const none = { origin: null, secFetchSite: null, referer: null, cookie: null };

describe("site origin", () => {
  it("ignores forwarded headers unless a proxy is trusted", () => {
    expect(arrivalOrigin(direct, false)).toBe("http://app.example:3000");
    expect(arrivalOrigin(direct, true)).toBe("https://evil.example");
  });

  it("is PUBLIC_URL's origin when set", () => {
    expect(siteOrigin(direct, "https://eval.commune.fr/base/", true)).toBe("https://eval.commune.fr");
  });
});

describe("isSameOriginSender", () => {
  const site = "http://app.example:3000";
  it("trusts Origin first, then Sec-Fetch-Site, then Referer", () => {
    expect(isSameOriginSender({ ...none, origin: site, cookie: "s=1" }, site)).toBe(true);
    expect(isSameOriginSender({ ...none, origin: "https://evil.example", secFetchSite: "same-origin", cookie: "s=1" }, site)).toBe(false);
    expect(isSameOriginSender({ ...none, origin: "null", cookie: "s=1" }, site)).toBe(false);
    expect(isSameOriginSender({ ...none, origin: "http://app.example:3001", cookie: "s=1" }, site)).toBe(false);
    expect(isSameOriginSender({ ...none, secFetchSite: "same-site", cookie: "s=1" }, site)).toBe(false);
    expect(isSameOriginSender({ ...none, secFetchSite: "same-origin", cookie: "s=1" }, site)).toBe(true);
    expect(isSameOriginSender({ ...none, referer: `${site}/members`, cookie: "s=1" }, site)).toBe(true);
    expect(isSameOriginSender({ ...none, referer: "https://evil.example/x", cookie: "s=1" }, site)).toBe(false);
  });

  it("accepts a request saying nothing of its sender only when it carries no cookie", () => {
    expect(isSameOriginSender(none, site)).toBe(true);
    expect(isSameOriginSender({ ...none, cookie: "__session=x" }, site)).toBe(false);
  });
});
