import { describe, expect, it } from "vitest";
import { z } from "zod";
import { dataPath, decodeRouteData } from "../helpers/http";
import { fillDraft } from "./survey-fixtures";
import { setUpSignedInServer } from "../helpers/signed-in-server";

// DESIGN.md §4 « no live results »: reading results before and after one person answers must
// not give that person's answers. An admin, the most privileged reader, tries it over HTTP.
describe("no live results, over HTTP against the real server with the demo answers", () => {
  const app = setUpSignedInServer({ DEMO_RESPONSES: "1" });

  const campaignTitled = (prefix: string) => app.db.selectFrom("campaign").select(["id", "state"]).where("title", "like", `${prefix}%`).executeTakeFirstOrThrow();
  async function readResults(campaignId: string) {
    const page = await fetch(`${app.server.url}/campaigns/${campaignId}/results`, { headers: { cookie: app.cookie } });
    const routeId = "routes/campaigns.$campaignId.results._index";
    const data = await fetch(`${app.server.url}${dataPath(`/campaigns/${campaignId}/results`, routeId)}`, { headers: { cookie: app.cookie } });
    expect([page.status, data.status]).toEqual([200, 200]);
    return { html: await page.text(), data: z.record(z.string(), z.unknown()).parse(await decodeRouteData(data, routeId)) };
  }
  /** Anything that counts answers or respondents: none may leave the server while the campaign is open. */
  function expectNoResultFigure({ html, data }: { html: string; data: Record<string, unknown> }) {
    expect(Object.keys(data).sort()).toEqual(["available", "campaign"]);
    expect(data.available).toBe(false);
    expect(html).not.toContain('data-testid="total-responses"');
    expect(html).not.toContain("Réponses (n)");
    expect(html).toContain("Les résultats seront disponibles une fois la campagne clôturée.");
    expect(html).toMatch(/href="\/campaigns\/[^"]+\/participation"/);
  }

  it("an open campaign's results, page and loader data, say the same before and after one more response; closing shows them", async () => {
    const open = await campaignTitled("Évaluation 2026");
    expect(open.state).toBe("open");
    const before = await readResults(open.id);
    expectNoResultFigure(before);

    const link = await app.db.selectFrom("invitation").select("code").where("campaign_id", "=", open.id).where("kind", "=", "open_link").where("group_id", "=", "council").executeTakeFirstOrThrow();
    const { resumeCode } = await fillDraft(app.db, link.code, (step) => (step.scale.type === "yes_no" ? { value: "no" } : { dontKnow: true }));
    const submitted = await fetch(`${app.server.url}/r/${resumeCode}/envoyer`, { method: "POST", body: new URLSearchParams({ intent: "submit" }), redirect: "manual" });
    expect(submitted.status).toBe(302);

    const after = await readResults(open.id);
    expectNoResultFigure(after);
    expect(after.data).toEqual(before.data);

    // The campaign page does not lead to empty results: the button is shown disabled, with why.
    const campaignPage = await (await fetch(`${app.server.url}/campaigns/${open.id}`, { headers: { cookie: app.cookie } })).text();
    expect(campaignPage).not.toContain(`href="/campaigns/${open.id}/results"`);
    expect(campaignPage).toContain("disponibles une fois la campagne clôturée");

    const closed = await fetch(`${app.server.url}/campaigns/${open.id}/transition`, {
      method: "POST",
      body: new URLSearchParams({ to: "closed" }),
      headers: { cookie: app.cookie, origin: app.server.url, "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });
    expect(closed.status).toBe(302);
    const { html, data } = await readResults(open.id);
    expect(data.available).toBe(true);
    // 43 sample answers of the demo plus the one above.
    expect((data.participation as { total: number }).total).toBe(44);
    expect(html).toContain('data-testid="total-responses">44<');
    const reopenedPage = await (await fetch(`${app.server.url}/campaigns/${open.id}`, { headers: { cookie: app.cookie } })).text();
    expect(reopenedPage).toContain(`href="/campaigns/${open.id}/results"`);
  });

  it("the demo's closed campaign of last year has results to read, with the small group masked", async () => {
    const past = await campaignTitled("Évaluation 2025");
    // Last year's campaign went through the review to its published evaluation: its results stay readable.
    expect(past.state).toBe("published");
    const { html, data } = await readResults(past.id);
    expect(data.available).toBe(true);
    expect((data.participation as { total: number }).total).toBe(58);
    // The overview shows scores per group: the council's small group is masked wherever it answered.
    const scores = data.scores as { dimensions: { byGroup: { groupId: string; score: { hidden: boolean; reason?: string } | null }[] }[] }[];
    const byGroup = scores.flatMap((s) => s.dimensions.flatMap((d) => d.byGroup));
    expect(byGroup.some((g) => g.groupId === "residents" && g.score && !g.score.hidden)).toBe(true);
    const council = byGroup.filter((g) => g.groupId === "council" && g.score !== null);
    expect(council.length).toBeGreaterThan(0);
    expect(council.every((g) => g.score?.hidden)).toBe(true);
    expect(html).toContain("masqué");
    expect(html).not.toMatch(/\bk\b ?=/);
    expect(html).toContain("Scores par dimension");
  });
});
