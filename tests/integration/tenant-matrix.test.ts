import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { routePatternOf } from "../../app/lib/http/route-pattern";
import { createTerritoryWithAdmin } from "../../app/modules/accounts/territories.server";
import { forkFramework } from "../../app/modules/frameworks/drafts.server";
import { listUsableFrameworkVersions } from "../../app/modules/frameworks/frameworks.server";
import { demoFacts } from "../helpers/db";
import { dataPath, signInCookie } from "../helpers/http";
import { setUpSignedInServer } from "../helpers/signed-in-server";

// The tenant-isolation matrix, generated from the built route manifest: every route with an id
// in its path, filled with the demo territory's real ids, requested by a member of another
// territory and by an anonymous visitor, GET, data GET and POST: the member gets 404, as for an
// id that does not exist; the anonymous visitor is sent to the sign-in page (or 401); neither
// ever sees the demo's data. A new route is in the matrix by being in the build; only the routes
// below, open by design, are left out.

/** Routes whose id is itself the key (a code, a token) or a publication: open to anyone holding it. */
const OPEN_BY_DESIGN: Record<string, string> = {
  "/s/:code": "survey code: the resident's invitation",
  "/a/:code": "workshop join code, shown in the room",
  "/r/:resume": "resume code, known only to the respondent",
  "/r/:resume/merci": "thank-you page of that respondent",
  "/invitation/:token": "member invitation token (hashed in the database)",
  "/reset-password/:token": "single-use reset token (hashed in the database)",
  "/unsubscribe/:token": "HMAC-signed unsubscribe link",
  "/guest-review/:token": "a review guest's personal link (hashed in the database; tests/integration/review-publication.test.ts)",
  "/t/:territorySlug/evaluations": "published evaluations: public by design",
  "/t/:territorySlug/evaluations/:evaluationId": "a published evaluation: public by design (unpublished → 404, tests/integration/review-publication.test.ts)",
  "/t/:territorySlug/evaluations/:evaluationId/data/:file": "open data of a published evaluation",
};

// What must never appear in an answer to someone outside the demo territory.
const DEMO_DATA = ["Évaluation 2026", "Ressourcerie du Nord", "elu@demo.fr", "Commune de Démo", "Maison de quartier"];

const manifest = async () => (await import(pathToFileURL(resolve("build/index.js")).href)) as { routes: Record<string, { id: string; parentId?: string; path?: string; module: { action?: unknown } }> };

describe("tenant-isolation matrix from the route manifest", () => {
  // Signed in as the demo's owner: the control below.
  const app = setUpSignedInServer({ DEMO_RESPONSES: "1" });
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const { db } = app;
    await createTerritoryWithAdmin(db, { slug: "autre-commune", name: "Autre Commune", kind: "commune", admin: { email: "maire@autre.fr", displayName: "Maire d'Autre", password: "autre-autre-autre" } });
    const { territory, admin, projects } = await demoFacts(db);
    const campaign = await db.selectFrom("campaign").select("id").where("territory_id", "=", territory.id).where("state", "=", "open").executeTakeFirstOrThrow();
    const cell = await db.selectFrom("count_cell").select("indicator_id").where("territory_id", "=", territory.id).executeTakeFirstOrThrow();
    const workshop = await db.selectFrom("workshop").select("id").where("territory_id", "=", territory.id).executeTakeFirstOrThrow();
    const [version] = await listUsableFrameworkVersions(db, admin.territoryId);
    const { frameworkId } = await forkFramework(db, admin, version!.id, { fr: "Cadre de la Commune de Démo", en: "Commune de Démo framework" });
    Object.assign(ids, { campaignId: campaign.id, indicatorId: cell.indicator_id, projectId: projects[0]!.id, workshopId: workshop.id, frameworkId, format: "csv" });
  });

  it("no route with an id answers another territory's member or an anonymous visitor with data", { timeout: 600_000 }, async () => {
    const { routes } = await manifest();
    const patterns = Object.values(routes).flatMap((r) => {
      const pattern = routePatternOf(routes, r.id);
      return pattern.includes(":") ? [{ id: r.id, pattern, isAction: typeof r.module.action === "function" }] : [];
    });
    const stale = Object.keys(OPEN_BY_DESIGN).filter((p) => !patterns.some((r) => r.pattern === p));
    expect(stale, "OPEN_BY_DESIGN lists routes that no longer exist").toEqual([]);
    const checked = patterns.filter((r) => !(r.pattern in OPEN_BY_DESIGN));
    expect(checked.length).toBeGreaterThan(20);

    // Control: the owner sees the markers, so their absence below means something.
    const { server, cookie: owner } = app;
    expect(await (await fetch(`${server.url}/campaigns/${ids.campaignId}`, { headers: { cookie: owner } })).text()).toContain("Évaluation 2026");
    const outsider = await signInCookie(server.url, "maire@autre.fr", "autre-autre-autre");
    const problems: string[] = [];
    for (const route of checked) {
      const missing = [...route.pattern.matchAll(/:(\w+)/g)].map((m) => m[1]!).filter((name) => !(name in ids));
      if (missing.length > 0) {
        problems.push(`${route.pattern}: no demo id for ${missing.join(", ")} — add one to the matrix`);
        continue;
      }
      const path = route.pattern.replace(/:(\w+)/g, (_m, name: string) => ids[name]!);
      for (const who of ["outsider", "anonymous"] as const) {
        const headers: Record<string, string> = who === "outsider" ? { cookie: outsider, origin: server.url } : { origin: server.url };
        const requests: [string, RequestInit][] = [
          [path, { headers }],
          [dataPath(path, route.id), { headers }],
        ];
        if (route.isAction) requests.push([path, { method: "POST", headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, body: "intent=x" }]);
        for (const [url, init] of requests) {
          const response = await fetch(`${server.url}${url}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(20_000) });
          const body = await response.text();
          const toLogin = response.status === 302 && response.headers.get("location")?.startsWith("/login");
          const singleFetchToLogin = response.status === 202 && body.includes("/login");
          // Another territory's id is an unknown id, whatever the method: 404, as for a made-up one.
          // An action looks the id up before it reads the form, so a malformed form (intent=x)
          // cannot answer 400 and tell that the id exists. The anonymous visitor is sent to sign in.
          const refused = who === "outsider" ? response.status === 404 : toLogin || singleFetchToLogin || response.status === 401;
          if (!refused) problems.push(`${who} ${init.method ?? "GET"} ${url} → ${response.status}`);
          const leaked = DEMO_DATA.filter((marker) => body.includes(marker));
          if (leaked.length > 0) problems.push(`${who} ${init.method ?? "GET"} ${url} shows ${leaked.join(", ")}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

