import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../db/connection";
import { createTerritoryWithAdmin } from "../../app/modules/accounts/territories.server";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { demoFacts } from "../helpers/db";
import { signInCookie } from "../helpers/http";


describe("invitation pages over HTTP", () => {
  let server: AppServer;
  let db: Db;
  let campaignId: string;
  let linkId: string;

  beforeAll(async () => {
    server = await startAppServer();
    db = createDb(server.dbPath).db;
    await createTerritoryWithAdmin(db, { slug: "autre-commune", name: "Autre Commune", kind: "commune", admin: { email: "maire@autre.fr", displayName: "Maire d'Autre", password: "autre-autre-autre" } });
    const { admin } = await demoFacts(db);
    campaignId = (await db.selectFrom("campaign").select("id").where("territory_id", "=", admin.territoryId).executeTakeFirstOrThrow()).id;
    linkId = (await db.selectFrom("invitation").select("id").where("campaign_id", "=", campaignId).where("kind", "=", "open_link").executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  const pages = () => [
    `/campaigns/${campaignId}/invitations`,
    `/campaigns/${campaignId}/invitations/import`,
    `/campaigns/${campaignId}/invitations/export`,
    `/campaigns/${campaignId}/invitations/template`,
    `/campaigns/${campaignId}/invitations/print?poster=${linkId}`,
    `/campaigns/${campaignId}/invitations/personal-data`,
  ];

  it("the council reads every invitation page; the export is an Excel-FR CSV", async () => {
    const cookie = await signInCookie(server.url, "elu@demo.fr", "demo-demo-demo");
    for (const url of pages()) expect((await fetch(`${server.url}${url}`, { headers: { cookie } })).status, url).toBe(200);
    const csv = await fetch(`${server.url}/campaigns/${campaignId}/invitations/export`, { headers: { cookie } });
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it("the CSV template, sent back as downloaded, is accepted whole, including its row without an e-mail", async () => {
    const cookie = await signInCookie(server.url, "elu@demo.fr", "demo-demo-demo");
    const template = await fetch(`${server.url}/campaigns/${campaignId}/invitations/template`, { headers: { cookie } });
    expect(template.headers.get("content-disposition")).toContain("modele-invitations.csv");
    const bytes = await template.arrayBuffer();
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text).toMatch(/^\uFEFFnom;email;groupe;quartier\r?\n/);
    const upload = new FormData();
    upload.append("file", new Blob([bytes], { type: "text/csv" }), "modele-invitations.csv");
    const preview = await fetch(`${server.url}/campaigns/${campaignId}/invitations/import`, { method: "POST", headers: { cookie, origin: server.url }, body: upload });
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("2 ligne(s) prête(s) à importer, 0 ligne(s) en erreur.");
  });

  it("a member of another territory gets 404 on every invitation URL, reading or writing", async () => {
    const cookie = await signInCookie(server.url, "maire@autre.fr", "autre-autre-autre");
    for (const url of pages()) expect((await fetch(`${server.url}${url}`, { headers: { cookie } })).status, url).toBe(404);
    const posts: [string, URLSearchParams][] = [
      [`/campaigns/${campaignId}/invitations`, new URLSearchParams({ intent: "addPerson", email: "x@y.fr", groupId: "residents" })],
      [`/campaigns/${campaignId}/invitations`, new URLSearchParams({ intent: "send" })],
      [`/campaigns/${campaignId}/invitations/import`, new URLSearchParams({ csv: "email;groupe\nx@y.fr;residents\n" })],
      [`/campaigns/${campaignId}/invitations/personal-data`, new URLSearchParams()],
    ];
    for (const [url, body] of posts) expect((await fetch(`${server.url}${url}`, { method: "POST", headers: { cookie, origin: server.url }, body, redirect: "manual" })).status, url).toBe(404);
    const personal = await db.selectFrom("invitation").select("id").where("campaign_id", "=", campaignId).where("kind", "=", "personal").execute();
    expect(personal).toEqual([]);
  });

  it("malformed input never produces a server error", async () => {
    const cookie = await signInCookie(server.url, "elu@demo.fr", "demo-demo-demo");
    const attempts: [string, URLSearchParams][] = [
      [`/campaigns/${campaignId}/invitations`, new URLSearchParams({ intent: "nonsense" })],
      [`/campaigns/${campaignId}/invitations`, new URLSearchParams({ intent: "changeCap", invitationId: "nope", cap: "-3" })],
      [`/campaigns/${campaignId}/invitations`, new URLSearchParams({ intent: "createPaper", groupId: "residents", count: "100000" })],
      [`/campaigns/${campaignId}/invitations`, new URLSearchParams({ intent: "addOpenLink", groupId: "residents", cap: "1.5" })],
      [`/campaigns/${campaignId}/invitations/import`, new URLSearchParams({ csv: '"unclosed;quote\n' })],
      [`/unsubscribe/garbage`, new URLSearchParams()],
    ];
    for (const [url, body] of attempts) {
      const response = await fetch(`${server.url}${url}`, { method: "POST", headers: { cookie, origin: server.url }, body, redirect: "manual" });
      expect(response.status, url).toBeLessThan(500);
    }
    for (const url of [`/campaigns/${campaignId}/invitations/print`, `/campaigns/${campaignId}/invitations/print?poster=nope`, `/unsubscribe/x.y`]) {
      expect((await fetch(`${server.url}${url}`, { headers: { cookie } })).status, url).toBe(404);
    }
  });
});
