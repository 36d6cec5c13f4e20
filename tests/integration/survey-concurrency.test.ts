import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/connection";
import { type AppServer, startAppServer } from "../helpers/app-server";
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
      const { resumeCode, steps } = await fillDraft(db, link.code, (step) => (step.scale.type === "yes_no" ? { value: "yes" } : { dontKnow: true }));
      const yesNo = steps.find((s) => s.scale.type === "yes_no")!;

      const posts = Array.from({ length: 20 }, () =>
        fetch(`${server.url}/r/${resumeCode}/envoyer`, { method: "POST", body: new URLSearchParams({ intent: "submit" }), redirect: "manual" }),
      );
      const replies = await Promise.all(posts);
      expect(replies.map((r) => r.status)).toEqual(Array(20).fill(302));
      expect(new Set(replies.map((r) => new URL(r.headers.get("location")!, server.url).pathname))).toEqual(new Set([`/r/${resumeCode}/merci`]));

      const responses = await db.selectFrom("response").select("id").where("campaign_id", "=", link.campaign_id).execute();
      expect(responses).toHaveLength(1);
      // A page that still posts « submit » to the question screen is sent on to the endpoint, POST kept.
      const old = await fetch(`${server.url}/r/${resumeCode}`, { method: "POST", body: new URLSearchParams({ intent: "submit" }), redirect: "manual" });
      expect([old.status, new URL(old.headers.get("location")!, server.url).pathname]).toEqual([307, `/r/${resumeCode}/envoyer`]);
      const cells = await db
        .selectFrom("count_cell")
        .select(["value", "count"])
        .where("campaign_id", "=", link.campaign_id)
        .where("indicator_id", "=", yesNo.indicator.id)
        .where("project_id", "=", yesNo.projectId)
        .execute();
      expect(Object.fromEntries(cells.map((c) => [c.value, c.count]))).toEqual({ "*": 1, yes: 1 });
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
