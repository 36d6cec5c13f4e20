import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/connection";
import { createTerritoryWithAdmin } from "../../app/modules/accounts/territories.server";
import { createCampaign } from "../../app/modules/campaigns/campaigns.server";
import { campaignInvitations } from "../../app/modules/invitations/campaign-invitations.server";
import { listUsableFrameworkVersions } from "../../app/modules/frameworks/frameworks.server";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { demoFacts } from "../helpers/db";
import { signInCookie } from "../helpers/http";
import { nth } from "../helpers/present";


describe("sealed tenants over HTTP", () => {
  let server: AppServer;
  let db: Db;
  let campaignId: string;

  beforeAll(async () => {
    server = await startAppServer();
    db = createDb(server.dbPath).db;
    await createTerritoryWithAdmin(db, { slug: "autre-commune", name: "Autre Commune", kind: "commune", admin: { email: "maire@autre.fr", displayName: "Maire d'Autre", password: "autre-autre-autre" } });
    const { admin, projects } = await demoFacts(db);
    const version = nth(await listUsableFrameworkVersions(db, admin.territoryId), 0);
    const created = await createCampaign(db, admin, {
      title: "Campagne de la Commune de Démo",
      description: "",
      frameworkVersionId: version.id,
      projectIds: [nth(projects, 0).id],
      groupIds: [nth(version.definition.stakeholderGroups, 0).id],
      isAnonymous: true,
      k: 5,
      neighbourhoods: "",
    }, campaignInvitations);
    if (!created.ok) throw new Error("campaign not created");
    campaignId = created.id;
  });
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  const urls = () => [`/campaigns/${campaignId}`, `/campaigns/${campaignId}/transition?to=open`, `/campaigns/${campaignId}/results`];

  it("the owning council reads its campaign", async () => {
    const cookie = await signInCookie(server.url, "elu@demo.fr", "demo-demo-demo");
    for (const url of urls()) expect((await fetch(`${server.url}${url}`, { headers: { cookie } })).status, url).toBe(200);
  });

  it("a member of another territory gets 404 on every URL of the campaign, reading or writing", async () => {
    const cookie = await signInCookie(server.url, "maire@autre.fr", "autre-autre-autre");
    for (const url of urls()) {
      const response = await fetch(`${server.url}${url}`, { headers: { cookie } });
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toContain("Campagne de la Commune de Démo");
    }
    const transition = await fetch(`${server.url}/campaigns/${campaignId}/transition`, { method: "POST", headers: { cookie, origin: server.url }, body: new URLSearchParams({ to: "open" }), redirect: "manual" });
    expect(transition.status).toBe(404);
    const state = await db.selectFrom("campaign").select("state").where("id", "=", campaignId).executeTakeFirstOrThrow();
    expect(state.state).toBe("draft");
  });

  it("cannot switch the session into a territory one is not a member of", async () => {
    const cookie = await signInCookie(server.url, "maire@autre.fr", "autre-autre-autre");
    const { territory } = await demoFacts(db);
    const response = await fetch(`${server.url}/territory`, { method: "POST", headers: { cookie, origin: server.url }, body: new URLSearchParams({ territoryId: territory.id }), redirect: "manual" });
    expect(response.status).toBe(404);
    expect((await fetch(`${server.url}/campaigns/${campaignId}`, { headers: { cookie } })).status).toBe(404);
  });
});
