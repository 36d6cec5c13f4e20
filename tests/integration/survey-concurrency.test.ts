import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import type { SurveyStep } from "../../app/modules/surveys/questions";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { surveySubmitPath } from "../../app/modules/surveys/submit-paths";
import { fillDraft } from "./survey-fixtures";

describe("submitting over HTTP against the real server", () => {
  let server: AppServer;
  beforeAll(async () => {
    server = await startAppServer();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("20 simultaneous submits of the same survey store one response and count each answer once", async () => {
    // The server's own database file (WAL lets this test prepare a draft beside it).
    const { db } = createDb(server.dbPath);
    try {
      const link = await db.selectFrom("invitation").select(["code", "campaign_id"]).where("kind", "=", "open_link").where("group_id", "=", "residents").executeTakeFirstOrThrow();
      // Every single-choice question gets its first option, the others « je ne sais pas ».
      const firstOption = (scale: SurveyStep["scale"]) => (scale.type === "choice" && !scale.multiple ? scale.options[0]?.value : undefined);
      const { resumeCode, steps } = await fillDraft(db, link.code, (step) => {
        const value = firstOption(step.scale);
        return value ? { value } : { dontKnow: true };
      });
      const chosen = steps.find((s) => firstOption(s.scale) !== undefined);
      const chosenValue = chosen && firstOption(chosen.scale);
      if (!chosen || !chosenValue) throw new Error("the residents' survey has no single-choice question");

      const posts = Array.from({ length: 20 }, () =>
        fetch(`${server.url}/r/${resumeCode}/envoyer`, { method: "POST", body: new URLSearchParams({ intent: "submit" }), redirect: "manual" }),
      );
      const replies = await Promise.all(posts);
      expect(replies.map((r) => r.status)).toEqual(Array(20).fill(302));
      expect(new Set(replies.map((r) => new URL(r.headers.get("location")!, server.url).pathname))).toEqual(new Set([`/r/${resumeCode}/merci`]));

      const responses = await db.selectFrom("response").select("id").where("campaign_id", "=", link.campaign_id).execute();
      expect(responses).toHaveLength(1);
      // A late replay to the endpoint (a tab left open) lands on the thank-you page and writes nothing.
      const late = await fetch(`${server.url}${surveySubmitPath(resumeCode)}`, { method: "POST", body: new URLSearchParams({ intent: "submit" }), redirect: "manual" });
      expect([late.status, new URL(late.headers.get("location")!, server.url).pathname]).toEqual([302, `/r/${resumeCode}/merci`]);
      expect(await db.selectFrom("response").select("id").where("campaign_id", "=", link.campaign_id).execute()).toHaveLength(1);
      const cells = await db
        .selectFrom("count_cell")
        .select(["value", "count"])
        .where("campaign_id", "=", link.campaign_id)
        .where("indicator_id", "=", chosen.indicator.id)
        .where("project_id", "=", chosen.projectId)
        .execute();
      expect(Object.fromEntries(cells.map((c) => [c.value, c.count]))).toEqual({ "*": 1, [chosenValue]: 1 });
      const invitation = await db.selectFrom("invitation").select("response_count").where("code", "=", link.code).executeTakeFirstOrThrow();
      expect(invitation.response_count).toBe(1);

      // The back button or a second tab on the survey after sending lands on the thank-you page.
      const back = await fetch(`${server.url}/r/${resumeCode}?step=0`, { redirect: "manual" });
      expect(back.status).toBe(302);
      expect(back.headers.get("location")).toContain(`/r/${resumeCode}/merci`);
    } finally {
      await db.destroy();
    }
  });
});
