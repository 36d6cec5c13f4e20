import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { localeCookie } from "../../app/i18n/locale.server";
import { surveySubmitPath } from "../../app/modules/surveys/submit-paths";
import { createTestDb } from "../helpers/db";
import { type SubmitServer, startSubmitServer } from "../helpers/submit-server";

// The endpoint answers before Remix, so its failure page is translated by hand: this checks it
// follows the `lang` cookie. A closed database is the failure (real file, no mock).
describe("the survey submit endpoint's failure page", () => {
  let server: SubmitServer | undefined;
  let url: string;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const t = await createTestDb();
    cleanup = t.cleanup;
    t.sqlite.close();
    server = await startSubmitServer(t.db);
    url = server.url;
    vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.close();
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
