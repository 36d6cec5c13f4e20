import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localeCookie } from "../../app/i18n/locale.server";
import { handleSurveySubmit } from "../../app/modules/surveys/submit-endpoint.server";
import { surveySubmitPath } from "../../app/modules/surveys/submit-paths";
import { createTestDb } from "../helpers/db";

// The endpoint answers before Remix, so its failure page is translated by hand: this checks it
// follows the `lang` cookie. A closed database is the failure (real file, no mock).
describe("the survey submit endpoint's failure page", () => {
  let server: Server;
  let url: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const t = await createTestDb();
    cleanup = t.cleanup;
    t.sqlite.close();
    server = createServer((req, res) => {
      if (!handleSurveySubmit(t.db, req, res)) res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await new Promise((resolve) => server?.close(resolve));
    await cleanup?.();
  });

  it.each([
    ["fr", "Vos réponses n&#39;ont pas pu être envoyées"],
    ["en", "Your answers could not be sent"],
  ] as const)("says it in %s (the `lang` cookie, French without one)", async (lang, title) => {
    const cookie = lang === "en" ? await localeCookie.serialize("en") : undefined;
    const reply = await fetch(`${url}${surveySubmitPath("ABCDEFGH")}`, { method: "POST", body: new URLSearchParams({ intent: "submit" }), headers: cookie ? { cookie } : {}, redirect: "manual" });
    expect(reply.status).toBe(500);
    expect(reply.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = await reply.text();
    expect(page).toContain(`<html lang="${lang}">`);
    expect(page).toContain(`<h1>${title}</h1>`);
  });
});
