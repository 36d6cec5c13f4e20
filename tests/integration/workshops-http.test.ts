import { describe, expect, it } from "vitest";
import { setUpSignedInServer } from "../helpers/signed-in-server";

// The workshop journey over HTTP against the real server: the facilitator creates and opens a
// vote, two phones without JavaScript join and vote (plain forms), and the board's event
// stream reports the two votes without a reload.
describe("a workshop over HTTP", () => {
  const app = setUpSignedInServer({ DEMO_RESPONSES: "0" });

  const post = (path: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
    return fetch(`${app.server.url}${path}`, { method: "POST", body, redirect: "manual", headers: { origin: app.server.url, ...headers } });
  };

  it("phones vote without JavaScript and the board's stream shows the votes", async () => {
    const campaign = await app.db.selectFrom("campaign").select("id").where("state", "=", "open").executeTakeFirstOrThrow();
    // The ressourcerie: every demo group is asked about it (residents are not asked about the clauses).
    const project = await app.db
      .selectFrom("campaign_project as cp")
      .innerJoin("project as p", "p.id", "cp.project_id")
      .select("cp.project_id")
      .where("cp.campaign_id", "=", campaign.id)
      .where("p.name", "like", "Ressourcerie%")
      .executeTakeFirstOrThrow();
    const form = await fetch(`${app.server.url}/campaigns/${campaign.id}/workshops`, { headers: { cookie: app.cookie } });
    expect(form.status).toBe(200);
    const html = await form.text();
    const indicatorId = /name="indicatorIds" value="([^"]+)"/.exec(html)?.[1] ?? "";
    const groupIds = [...html.matchAll(/name="groupIds"[^>]*value="([^"]+)"/g)].map((m) => m[1] ?? "");
    const groupId = groupIds[0] ?? "";

    const refused = await post(`/campaigns/${campaign.id}/workshops`, { heldOn: "", place: "Salle des fêtes", projectId: project.project_id, groupIds, indicatorIds: indicatorId }, { cookie: app.cookie });
    expect(refused.status).toBe(200);
    const refusedHtml = await refused.text();
    expect(refusedHtml).toContain("Indiquez la date de l&#x27;atelier");
    expect(refusedHtml).toContain('value="Salle des fêtes"');

    const created = await post(`/campaigns/${campaign.id}/workshops`, { heldOn: "2026-12-02", place: "Salle des fêtes", projectId: project.project_id, groupIds, indicatorIds: indicatorId }, { cookie: app.cookie });
    expect(created.status).toBe(302);
    const boardPath = created.headers.get("location") ?? "";
    expect(boardPath).toMatch(/^\/workshops\//);
    const workshop = await app.db.selectFrom("workshop").select(["id", "join_code"]).executeTakeFirstOrThrow();
    expect((await post(boardPath, { intent: "open" }, { cookie: app.cookie })).status).toBe(200);

    const controller = new AbortController();
    const stream = await fetch(`${app.server.url}${boardPath}/events`, { headers: { cookie: app.cookie, accept: "text/event-stream" }, signal: controller.signal });
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body?.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const waitFor = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) throw new Error(`stream ended before ${pattern}`);
        received += decoder.decode(chunk.value);
      }
    };
    await waitFor(/"votes":0/);

    for (const value of ["dont_know", "dont_know"]) {
      const joined = await post(`/a/${workshop.join_code}`, { intent: "join", groupId });
      expect(joined.status).toBe(302);
      const phone = (joined.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const page = await (await fetch(`${app.server.url}/a/${workshop.join_code}`, { headers: { cookie: phone } })).text();
      expect(page).toContain('name="intent" value="vote"');
      expect((await post(`/a/${workshop.join_code}`, { intent: "vote", indicatorId, value }, { cookie: phone })).status).toBe(302);
    }
    await waitFor(/"votes":2/);
    controller.abort();

    // Another territory's member, or nobody, never reads the board.
    const anonymous = await fetch(`${app.server.url}${boardPath}/events`, { redirect: "manual" });
    expect(anonymous.status).toBe(302);
  }, 60_000);
});
