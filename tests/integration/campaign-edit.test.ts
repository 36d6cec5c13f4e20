import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, demoFacts } from "../helpers/db";
import { asResponse, cookieOf, formPost } from "../helpers/http";

// The edit page's action and loader called as Remix calls them, on a real database file: the
// app's db singleton reads DATABASE_URL, so it is set before the routes are imported.
const testDb = await createTestDb({ seed: true });
process.env.DATABASE_URL = testDb.path;
const { startUserSession } = await import("../../app/modules/accounts/session.server");
const { createTerritoryWithAdmin } = await import("../../app/modules/accounts/territories.server");
const { markCampaignPublished, transitionCampaign } = await import("../../app/modules/campaigns/campaigns.server");
import { campaignInvitations } from "../../app/modules/invitations/campaign-invitations.server";
import { nth } from "../helpers/present";
const { listUsableFrameworkVersions } = await import("../../app/modules/frameworks/frameworks.server");
const { listAudit } = await import("../../app/modules/audit/audit.server");
const editRoute = await import("../../app/routes/campaigns.$campaignId.edit");
const { createDraftCampaign } = await import("../helpers/campaigns");

const db = testDb.db;
let cookie = "";
let otherCookie = "";
let admin: { userId: string; territoryId: string };
let projects: { id: string; name: string }[];

async function sessionCookie(userId: string, territoryId: string) {
  const response = await startUserSession(db, new Request("http://localhost/login"), userId, territoryId, "/dashboard");
  return cookieOf(response);
}

beforeAll(async () => {
  ({ admin, projects } = await demoFacts(db));
  cookie = await sessionCookie(admin.userId, admin.territoryId);
  const other = await createTerritoryWithAdmin(db, { slug: "autre-commune", name: "Autre Commune", kind: "commune", admin: { email: "maire@autre.fr", displayName: "Maire d'Autre", password: "autre-autre-autre" } });
  otherCookie = await sessionCookie(other.userId, other.territoryId);
});
afterAll(() => testDb.cleanup());

function post(campaignId: string, fields: Record<string, string | string[]>, as = cookie) {
  const request = formPost(`http://localhost/campaigns/${campaignId}/edit`, fields, as);
  return editRoute.action({ request, params: { campaignId }, context: {} }).then(asResponse);
}

function load(campaignId: string, as = cookie) {
  const request = new Request(`http://localhost/campaigns/${campaignId}/edit`, { headers: { cookie: as } });
  return editRoute.loader({ request, params: { campaignId }, context: {} }).then(asResponse);
}

async function versions() {
  const all = await listUsableFrameworkVersions(db, admin.territoryId);
  const main = all.find((v) => v.slug === "utilite-sociale-territoriale")!;
  return { main, other: all.find((v) => v.id !== main.id && v.definition.stakeholderGroups.length >= 2)! };
}

async function draftCampaign(groupIds = ["residents"]) {
  const { campaignId } = await createDraftCampaign(db, { title: "Campagne à corriger", description: "Première présentation", groupIds, neighbourhoods: "Quartier Nord" });
  return campaignId;
}

async function openCampaign() {
  const id = await draftCampaign(["residents", "associations"]);
  expect(await transitionCampaign(db, admin, id, "open", campaignInvitations)).toMatchObject({ ok: true });
  return id;
}

async function snapshot(campaignId: string) {
  const campaign = await db.selectFrom("campaign").selectAll().where("id", "=", campaignId).executeTakeFirstOrThrow();
  const groups = await db.selectFrom("campaign_group").select("group_id").where("campaign_id", "=", campaignId).orderBy("position").execute();
  const projectRows = await db.selectFrom("campaign_project").select("project_id").where("campaign_id", "=", campaignId).orderBy("position").execute();
  const neighbourhoods = await db.selectFrom("campaign_neighbourhood").select("name").where("campaign_id", "=", campaignId).orderBy("position").execute();
  const links = await db.selectFrom("invitation").select(["group_id", "code"]).where("campaign_id", "=", campaignId).where("kind", "=", "open_link").orderBy("group_id").execute();
  return { campaign, groups: groups.map((g) => g.group_id), projects: projectRows.map((p) => p.project_id), neighbourhoods: neighbourhoods.map((n) => n.name), links };
}

describe("editing a campaign", () => {
  it("a draft changes everything, and its open links follow its stakeholder groups", async () => {
    const id = await draftCampaign(["residents"]);
    const before = await snapshot(id);
    const { other } = await versions();
    const newGroups = other.definition.stakeholderGroups.slice(0, 2).map((g) => g.id);
    const response = await post(id, {
      scope: "all",
      title: "Campagne corrigée",
      description: "Nouvelle présentation",
      frameworkVersionId: other.id,
      projectIds: [nth(projects, 1).id, nth(projects, 0).id],
      groupIds: newGroups,
      opensOn: "2026-12-01",
      closesOn: "2026-12-31",
      k: "7",
      neighbourhoods: "Les Hauts\nCentre-ville",
    });
    expect(response.status).toBe(302);
    const after = await snapshot(id);
    expect(after.campaign).toMatchObject({ title: "Campagne corrigée", description: "Nouvelle présentation", framework_version_id: other.id, is_anonymous: 0, k: 7, opens_on: "2026-12-01", closes_on: "2026-12-31", state: "draft" });
    expect(after.projects).toEqual([nth(projects, 1).id, nth(projects, 0).id]);
    expect(after.groups).toEqual(newGroups);
    expect(after.neighbourhoods).toEqual(["Les Hauts", "Centre-ville"]);
    // One open link per group: a kept group keeps its link (and its code, already printed).
    expect(after.links.map((l) => l.group_id)).toEqual([...newGroups].sort());
    for (const link of before.links) if (newGroups.includes(link.group_id)) expect(after.links).toContainEqual(link);
    const history = await listAudit(db, admin.territoryId, "campaign", id);
    expect(nth(history, 0).action).toBe("edited");

    // Back to one group: the other group's unused link goes.
    expect((await post(id, { scope: "all", title: "Campagne corrigée", frameworkVersionId: other.id, projectIds: [nth(projects, 0).id], groupIds: [nth(newGroups, 0)], k: "5", isAnonymous: "on" })).status).toBe(302);
    const last = await snapshot(id);
    expect(last.links.map((l) => l.group_id)).toEqual([newGroups[0]]);
    expect(last.campaign).toMatchObject({ is_anonymous: 1, k: 5, opens_on: null, closes_on: null });
    expect(last.neighbourhoods).toEqual([]);
  });

  it("a draft keeps a group that personal invitations are meant for", async () => {
    const id = await draftCampaign(["residents", "associations"]);
    const { main } = await versions();
    await db
      .insertInto("invitation")
      .values({ id: "perso-1", territory_id: admin.territoryId, campaign_id: id, kind: "personal", code: "PERSO00001", group_id: "associations", neighbourhood: null, email: "asso@demo.fr", display_name: null, max_responses: null, sent_at: null, reminded_at: null, created_at: "2026-01-01T00:00:00Z" })
      .execute();
    const before = await snapshot(id);
    const response = await post(id, { scope: "all", title: "Sans les associations", frameworkVersionId: main.id, projectIds: [nth(projects, 0).id], groupIds: ["residents"], k: "5", isAnonymous: "on" });
    expect(response.status).toBe(400);
    expect((await response.json()).error.groupIds).toEqual(["campaigns.edit.groupHasInvitations"]);
    expect(await snapshot(id)).toEqual(before);
  });

  it("an open campaign takes a new title and dates, and the page offers nothing else", async () => {
    const id = await openCampaign();
    const page = await (await load(id)).json();
    expect(page.editable).toBe("wording");
    const response = await post(id, { scope: "wording", title: "Titre corrigé après l'ouverture", description: "Texte plus clair", opensOn: "2026-11-01", closesOn: "2027-01-15" });
    expect(response.status).toBe(302);
    expect((await snapshot(id)).campaign).toMatchObject({ title: "Titre corrigé après l'ouverture", description: "Texte plus clair", opens_on: "2026-11-01", closes_on: "2027-01-15", state: "open" });
  });

  it("a forged post changing k, groups or anonymity of an open campaign is refused, nothing changes, no 500", async () => {
    const id = await openCampaign();
    const before = await snapshot(id);
    const { main } = await versions();
    const forged: Record<string, string | string[]>[] = [
      { scope: "all", title: "Titre forgé", frameworkVersionId: main.id, projectIds: [nth(projects, 0).id], groupIds: ["residents"], k: "3" },
      { scope: "wording", title: "Titre forgé", k: "3" },
      { scope: "wording", title: "Titre forgé", groupIds: ["residents"] },
      { scope: "wording", title: "Titre forgé", isAnonymous: "on" },
      { scope: "n'importe quoi", title: "Titre forgé" },
      {},
    ];
    for (const fields of forged) {
      const response = await post(id, fields);
      expect(response.status, JSON.stringify(fields)).toBe(400);
      await response.json();
    }
    const frozen = await (await post(id, nth(forged, 0))).json();
    expect(frozen.error[""]).toEqual(["campaigns.edit.frozen"]);
    expect(await snapshot(id)).toEqual(before);
  });

  it("a published campaign is not editable at all", async () => {
    const id = await openCampaign();
    for (const state of ["closed", "in_review"] as const) await transitionCampaign(db, admin, id, state, campaignInvitations);
    await markCampaignPublished(db, admin, id);
    expect((await (await load(id)).json()).editable).toBeNull();
    const response = await post(id, { scope: "wording", title: "Trop tard" });
    expect(response.status).toBe(400);
    expect((await response.json()).error[""]).toEqual(["campaigns.edit.published"]);
    expect((await snapshot(id)).campaign.title).toBe("Campagne à corriger");
  });

  it("another territory's campaign is not found, reading or writing", async () => {
    const id = await draftCampaign();
    await expect(load(id, otherCookie)).rejects.toMatchObject({ status: 404 });
    await expect(post(id, { scope: "wording", title: "Pris par une autre commune" }, otherCookie)).rejects.toMatchObject({ status: 404 });
    expect((await snapshot(id)).campaign.title).toBe("Campagne à corriger");
  });

  it("a rejected edit comes back with what was typed and a French message per field", async () => {
    const id = await draftCampaign();
    const { main } = await versions();
    const response = await post(id, { scope: "all", title: "Év", description: "Pourquoi nous évaluons", frameworkVersionId: main.id, projectIds: [nth(projects, 0).id], groupIds: ["residents"], opensOn: "2026-12-31", closesOn: "2026-12-01", k: "2" });
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply.initialValue).toMatchObject({ title: "Év", description: "Pourquoi nous évaluons", opensOn: "2026-12-31", closesOn: "2026-12-01", k: "2", groupIds: "residents" });
    expect(reply.error).toMatchObject({ title: ["errors.titleRequired"], closesOn: ["errors.datesOrder"], k: ["errors.kTooSmall"] });

    const empty = await (await post(id, { scope: "all", title: "Campagne sans projet", k: "5" })).json();
    expect(empty.initialValue.title).toBe("Campagne sans projet");
    expect(empty.error).toMatchObject({ projectIds: ["errors.chooseProjects"], groupIds: ["errors.chooseGroups"] });

    const open = await openCampaign();
    const wording = await (await post(open, { scope: "wording", title: "", opensOn: "31/12/2026", closesOn: "2026-12-01" })).json();
    expect(wording.initialValue).toMatchObject({ opensOn: "31/12/2026", closesOn: "2026-12-01" });
    expect(wording.error).toMatchObject({ title: ["errors.titleRequired"], opensOn: ["errors.dateInvalid"] });
    expect((await snapshot(id)).campaign.title).toBe("Campagne à corriger");
  });
});
