import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeThisYearsCampaign } from "../helpers/campaigns";
import { createDb, type Db } from "../../db/connection";
import { createTerritoryWithAdmin } from "../../app/modules/accounts/territories.server";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { dataPath, decodeRouteData, signInCookie } from "../helpers/http";
import { nth } from "../helpers/present";

// The results pages of the demo's closed campaign over HTTP (real server, real SQLite, demo
// answers: the council's 3 people are under k = 5, some answer « Je ne sais pas »): what the
// pages, their loader data and the downloads let a member (or an attacker) read.
type Masked = { hidden: true; reason: string } | { hidden: false; statistics: { n: number; dontKnow: number; respondents: number } };
type Figure = { projectId: string | null; groupId: string | null; source: string | null; result: Masked };
type IndicatorData = { available: true; indicator: { indicatorId: string; threshold: number; figures: Figure[] }; projects: { id: string }[] };

describe("results pages of the demo's closed campaign", () => {
  let server: AppServer;
  let db: Db;
  let council: string;
  let association: string;
  let campaignId: string;

  beforeAll(async () => {
    server = await startAppServer({ DEMO_RESPONSES: "1" });
    db = createDb(server.dbPath).db;
    council = await signInCookie(server.url, "elu@demo.fr", "demo-demo-demo");
    association = await signInCookie(server.url, "asso@demo.fr", "demo-demo-demo");
    campaignId = (await db.selectFrom("campaign").select("id").where("title", "like", "Évaluation 2025%").executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  const get = (path: string, cookie: string) => fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
  async function indicatorPage(indicatorId: string, cookie = council) {
    const html = await (await get(`/campaigns/${campaignId}/results/${indicatorId}`, cookie)).text();
    const routeId = "routes/campaigns.$campaignId.results.$indicatorId";
    const response = await get(dataPath(`/campaigns/${campaignId}/results/${indicatorId}`, routeId), cookie);
    expect(response.status).toBe(200);
    return { html, data: (await decodeRouteData(response, routeId)) as IndicatorData };
  }
  async function downloadJson(cookie = council) {
    const response = await get(`/campaigns/${campaignId}/results/export/json`, cookie);
    expect(response.status).toBe(200);
    return (await response.json()) as { indicators: { indicatorId: string; threshold: number; figures: Figure[] }[]; projects: { id: string }[]; groups: { id: string }[] };
  }

  /** Every object marked hidden carries nothing but why: no n, no count, no statistic. */
  function hiddenObjects(value: unknown): Record<string, unknown>[] {
    if (Array.isArray(value)) return value.flatMap(hiddenObjects);
    if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      const here = record.hidden === true ? [record] : [];
      return [...here, ...Object.values(record).flatMap(hiddenObjects)];
    }
    return [];
  }

  it("the council and an association member read the same overview, with findings, a radar table per project and the computed exit rate against its target", async () => {
    const [asCouncil, asAssociation] = await Promise.all([get(`/campaigns/${campaignId}/results`, council), get(`/campaigns/${campaignId}/results`, association)]);
    expect([asCouncil.status, asAssociation.status]).toEqual([200, 200]);
    const html = await asCouncil.text();
    expect(html).toContain("Ce que disent les résultats");
    expect(html).toContain("Scores par dimension — Ressourcerie du Nord");
    // 3 + 4 + 2 dynamic exits out of 12 = 75 %, against a target of 60 %.
    expect(html).toMatch(/75(\u00a0|\u202f| )?%/);
    expect(html).toMatch(/60(\u00a0|\u202f| )?%/);
    expect(html).not.toMatch(/\bk\s?=/);
    const pages = await Promise.all(
      [council, association].map(async (cookie) => (await decodeRouteData(await get(dataPath(`/campaigns/${campaignId}/results`, "routes/campaigns.$campaignId.results._index"), cookie), "routes/campaigns.$campaignId.results._index")) as Record<string, unknown>),
    );
    // Only the links to what each may edit differ: figures of their project, written answers to moderate.
    const { figureProjects: _c, moderatesTexts: _cm, ...councilFigures } = nth(pages, 0);
    const { figureProjects: _a, moderatesTexts: _am, ...associationFigures } = nth(pages, 1);
    expect(associationFigures).toEqual(councilFigures);
  });

  it("loader data of every indicator page holds no figure the page hides, and each shown n is on the page", async () => {
    const all = await downloadJson();
    let hiddenSeen = 0;
    for (const { indicatorId } of all.indicators.slice(0, 12)) {
      const { html, data } = await indicatorPage(indicatorId);
      for (const hidden of hiddenObjects(data)) {
        expect(Object.keys(hidden).sort()).toEqual(["hidden", "reason"]);
        hiddenSeen++;
      }
      for (const figure of data.indicator.figures) {
        if (figure.result.hidden) continue;
        // The page writes each shown figure's n as « n = 12 » (and nothing of the hidden ones).
        if (figure.result.statistics.respondents > 0 && (figure.groupId !== null || figure.source !== null || figure.projectId !== null)) expect(html).toContain(`n = ${figure.result.statistics.n}`);
      }
      if (data.indicator.figures.some((f) => f.result.hidden)) expect(html).toMatch(/Masqué (pour qu'on ne puisse pas recalculer|: trop peu de réponses)/);
    }
    expect(hiddenSeen).toBeGreaterThan(0);
  });

  it("an attacker cannot recompute a hidden group or source by subtracting shown figures from their total (JSON and CSV)", async () => {
    const all = await downloadJson();
    const csvBytes = new Uint8Array(await (await get(`/campaigns/${campaignId}/results/export/csv`, council)).arrayBuffer());
    const csv = new TextDecoder().decode(csvBytes);
    let relations = 0;
    for (const indicator of all.indicators) {
      for (const project of all.projects) {
        const total = indicator.figures.find((f) => f.projectId === project.id && f.groupId === null && f.source === null);
        if (!total || total.result.hidden) continue;
        for (const margin of ["groupId", "source"] as const) {
          const parts = indicator.figures.filter((f) => f.projectId === project.id && f[margin] !== null && (margin === "groupId" ? f.source === null : f.groupId === null));
          const hidden = parts.filter((p) => p.result.hidden);
          if (hidden.length === 0) continue;
          relations++;
          // One hidden part alone would be exactly total − shown parts.
          expect(hidden.length).toBeGreaterThanOrEqual(2);
          const shownN = parts.reduce((s, p) => s + (p.result.hidden ? 0 : p.result.statistics.n), 0);
          expect(total.result.statistics.n - shownN).toBeGreaterThanOrEqual(indicator.threshold);
        }
      }
    }
    expect(relations).toBeGreaterThan(0);
    // The CSV hides exactly what the JSON hides: one « masqué » line per hidden indicator figure or group score.
    const hiddenInJson = all.indicators.flatMap((i) => i.figures).filter((f) => f.result.hidden).length;
    const hiddenLinesInCsv = csv.split("\r\n").filter((line) => line.includes(";question;") && line.includes("masqué :")).length;
    expect(hiddenLinesInCsv).toBe(hiddenInJson);
    // Excel-FR reads it as UTF-8 thanks to the byte-order mark.
    expect([...csvBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it("another territory's member gets 404 on the results, the downloads and the figures form", async () => {
    await createTerritoryWithAdmin(db, { slug: "autre-commune", name: "Autre Commune", kind: "commune", admin: { email: "maire@autre.fr", displayName: "Maire d'Autre", password: "autre-autre-autre" } });
    const other = await signInCookie(server.url, "maire@autre.fr", "autre-autre-autre");
    const project = await db.selectFrom("project").select("id").where("name", "like", "Ressourcerie%").executeTakeFirstOrThrow();
    for (const path of [`/campaigns/${campaignId}/results`, `/campaigns/${campaignId}/results/export/csv`, `/campaigns/${campaignId}/figures/${project.id}`]) {
      expect((await get(path, other)).status).toBe(404);
    }
  });
});

describe("reported figures form", () => {
  let server: AppServer;
  let db: Db;
  let association: string;
  let campaignId: string;
  let ownProject: string;
  let otherProject: string;

  beforeAll(async () => {
    server = await startAppServer({ DEMO_RESPONSES: "1" });
    db = createDb(server.dbPath).db;
    association = await signInCookie(server.url, "asso@demo.fr", "demo-demo-demo");
    // Last year's campaign is published (its figures are frozen): this year's, once closed, takes figures.
    campaignId = await closeThisYearsCampaign(db);
    ownProject = (await db.selectFrom("project").select("id").where("name", "like", "Ressourcerie%").executeTakeFirstOrThrow()).id;
    otherProject = (await db.selectFrom("project").select("id").where("name", "like", "Clauses%").executeTakeFirstOrThrow()).id;
  }, 120_000);
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  const post = (projectId: string, fields: Record<string, string>) =>
    fetch(`${server.url}/campaigns/${campaignId}/figures/${projectId}`, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { cookie: association, origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      redirect: "manual",
    });

  it("bad input comes back filled in, with a French message under each field, and nothing is saved", async () => {
    const response = await post(ownProject, { "value.sorties_nombre": "douze", "value.env_tonnes_collectees": "-3", "value.sorties_emploi_durable": "2,5", "note.sorties_nombre": "Bilan 2025" });
    expect(response.status).toBe(400);
    const page = await (
      await fetch(`${server.url}/campaigns/${campaignId}/figures/${ownProject}`, {
        method: "POST",
        body: new URLSearchParams({ "value.sorties_nombre": "douze", "note.sorties_nombre": "Bilan 2025" }),
        headers: { cookie: association, origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      })
    ).text();
    expect(page).toContain("Ce n&#x27;est pas un nombre");
    expect(page).toContain('value="douze"');
    expect(page).toContain('value="Bilan 2025"');
    const html = await response.text();
    expect(html).toContain("Écrivez un nombre entre 0 et");
    expect(html).toContain("Écrivez un nombre entier, sans virgule.");
    const stored = await db.selectFrom("reported_figure").select("value").where("campaign_id", "=", campaignId).where("indicator_id", "=", "sorties_nombre").executeTakeFirst();
    expect(stored).toBeUndefined();
  });

  it("exit categories that do not add up to the number who left are refused on that field", async () => {
    const response = await post(ownProject, { "value.sorties_nombre": "10", "value.sorties_emploi_durable": "3", "value.sorties_emploi_transition": "4", "value.sorties_positives": "2", "value.sorties_autres": "3" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("12 personnes, pas 10");
  });

  it("an association member saves a figure for the project their association carries, with who and when", async () => {
    const response = await post(ownProject, { "value.sorties_nombre": "14", "value.sorties_emploi_durable": "5", "value.sorties_emploi_transition": "4", "value.sorties_positives": "2", "value.sorties_autres": "3", "note.sorties_nombre": "Tableau ASP" });
    expect([200, 204, 302]).toContain(response.status);
    const row = await db.selectFrom("reported_figure").selectAll().where("campaign_id", "=", campaignId).where("project_id", "=", ownProject).where("indicator_id", "=", "sorties_nombre").executeTakeFirstOrThrow();
    expect([row.value, row.source_note]).toEqual([14, "Tableau ASP"]);
    const user = await db.selectFrom("user").select("id").where("email", "=", "asso@demo.fr").executeTakeFirstOrThrow();
    expect(row.entered_by_user_id).toBe(user.id);
  });

  it("an association member cannot open or post figures for a project their association does not carry (404)", async () => {
    expect((await fetch(`${server.url}/campaigns/${campaignId}/figures/${otherProject}`, { headers: { cookie: association } })).status).toBe(404);
    expect((await post(otherProject, { "value.sorties_nombre": "1" })).status).toBe(404);
    expect(await db.selectFrom("reported_figure").select("value").where("project_id", "=", otherProject).execute()).toEqual([]);
  });
});
