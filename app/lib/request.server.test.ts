import { afterEach, describe, expect, it } from "vitest";
import { publicBaseUrl, reachedOverHttps } from "./request.server";

const forged = () => new Request("http://localhost:3000/members", { headers: { Host: "localhost:3000", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" } });

describe("publicBaseUrl without PUBLIC_URL", () => {
  const saved = { PUBLIC_URL: process.env.PUBLIC_URL, TRUST_PROXY: process.env.TRUST_PROXY };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it("does not put a forged X-Forwarded-Host in e-mailed links, nor mark the cookie Secure, unless TRUST_PROXY is set", () => {
    delete process.env.PUBLIC_URL;
    delete process.env.TRUST_PROXY;
    expect(publicBaseUrl(forged())).toBe("http://localhost:3000");
    expect(reachedOverHttps(forged())).toBe(false);
    process.env.TRUST_PROXY = "1";
    expect(publicBaseUrl(forged())).toBe("https://evil.example");
    expect(reachedOverHttps(forged())).toBe(true);
  });

  it("uses PUBLIC_URL whatever the headers say", () => {
    process.env.PUBLIC_URL = "https://eval.commune.fr/";
    expect(publicBaseUrl(forged())).toBe("https://eval.commune.fr");
  });
});
