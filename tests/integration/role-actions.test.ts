import { beforeAll, describe, expect, it } from "vitest";
import { ROLES, type Role } from "../../db/schema";
import { newId } from "../../app/lib/ids";
import { nowIso } from "../../app/lib/time";
import { hashPassword } from "../../app/modules/accounts/password.server";
import { demoFacts } from "../helpers/db";
import { signInCookie } from "../helpers/http";
import { setUpSignedInServer } from "../helpers/signed-in-server";

// The role × action table: each action, for each role of a territory, over HTTP against the
// real server: allowed (anything but 403, never a 5xx) or 403. The table is the policy written
// out; a guard that changes makes a cell fail here, on purpose.

const ALL: readonly Role[] = ROLES;
const COUNCIL: readonly Role[] = ["admin", "editor"];
const RUNNERS: readonly Role[] = ["admin", "editor", "facilitator"];

type Action = { name: string; method?: "POST"; path: (ids: Ids) => string; body?: Record<string, string>; allowed: readonly Role[] };
type Ids = { campaignId: string; workshopId: string; frameworkId: string };

const ACTIONS: Action[] = [
  { name: "read the dashboard", path: () => "/dashboard", allowed: ALL },
  { name: "list campaigns", path: () => "/campaigns", allowed: ALL },
  { name: "read a campaign", path: (i) => `/campaigns/${i.campaignId}`, allowed: ALL },
  { name: "follow participation", path: (i) => `/campaigns/${i.campaignId}/participation`, allowed: ALL },
  { name: "read results", path: (i) => `/campaigns/${i.campaignId}/results`, allowed: ALL },
  { name: "open the review", path: (i) => `/campaigns/${i.campaignId}/review`, allowed: ALL },
  { name: "read frameworks", path: () => "/frameworks", allowed: ALL },
  { name: "read projects", path: () => "/projects", allowed: ALL },
  { name: "prepare a campaign", path: () => "/campaigns/new", allowed: COUNCIL },
  { name: "create a campaign", method: "POST", path: () => "/campaigns/new", body: {}, allowed: COUNCIL },
  { name: "edit a campaign", path: (i) => `/campaigns/${i.campaignId}/edit`, allowed: COUNCIL },
  { name: "confirm a campaign step", path: (i) => `/campaigns/${i.campaignId}/transition?to=closed`, allowed: COUNCIL },
  { name: "manage invitations", path: (i) => `/campaigns/${i.campaignId}/invitations`, allowed: COUNCIL },
  { name: "export invitations", path: (i) => `/campaigns/${i.campaignId}/invitations/export`, allowed: COUNCIL },
  { name: "fork a framework", path: (i) => `/frameworks/${i.frameworkId}/fork`, allowed: COUNCIL },
  { name: "add a project", method: "POST", path: () => "/projects", body: { intent: "createProject" }, allowed: COUNCIL },
  { name: "read the outbox", path: () => "/outbox", allowed: COUNCIL },
  { name: "send an e-mail again", method: "POST", path: () => "/outbox", body: { messageId: "none" }, allowed: COUNCIL },
  { name: "list workshops", path: (i) => `/campaigns/${i.campaignId}/workshops`, allowed: RUNNERS },
  { name: "run a workshop board", path: (i) => `/workshops/${i.workshopId}`, allowed: RUNNERS },
  { name: "record workshop findings", path: (i) => `/workshops/${i.workshopId}/findings`, allowed: RUNNERS },
  { name: "type paper questionnaires", path: (i) => `/campaigns/${i.campaignId}/paper`, allowed: RUNNERS },
  { name: "look up a person's data", path: () => "/personal-data?email=helene%40exemple.fr", allowed: COUNCIL },
  { name: "export a person's data", path: () => "/personal-data/export?email=helene%40exemple.fr", allowed: COUNCIL },
  { name: "erase a person's data", method: "POST", path: () => "/personal-data", body: { email: "personne@exemple.fr" }, allowed: COUNCIL },
  { name: "read one's account", path: () => "/account", allowed: ALL },
  { name: "download one's data", path: () => "/account/export", allowed: ALL },
  { name: "manage members", path: () => "/members", allowed: ["admin"] },
  { name: "invite a member", method: "POST", path: () => "/members", body: { email: "pas-une-adresse" }, allowed: ["admin"] },
];

describe("role × action table", () => {
  const app = setUpSignedInServer({ DEMO_RESPONSES: "1" });
  let ids: Ids;
  const cookies = new Map<Role, string>();

  beforeAll(async () => {
    const { server, db } = app;
    const { territory } = await demoFacts(db);
    const hash = await hashPassword("role-role-role");
    const association = await db.selectFrom("membership").select("association_id").where("territory_id", "=", territory.id).where("role", "=", "association_member").executeTakeFirstOrThrow();
    for (const role of ALL) {
      const userId = newId();
      const email = `${role.replace("_", "-")}@roles.fr`;
      await db.insertInto("user").values({ id: userId, email, display_name: role, password_hash: hash, created_at: nowIso() }).execute();
      await db
        .insertInto("membership")
        .values({ id: newId(), territory_id: territory.id, user_id: userId, role, association_id: role === "association_member" ? association.association_id : null, created_at: nowIso() })
        .execute();
      cookies.set(role, await signInCookie(server.url, email, "role-role-role"));
    }
    const campaign = await db.selectFrom("campaign").select("id").where("territory_id", "=", territory.id).where("state", "=", "open").executeTakeFirstOrThrow();
    const workshop = await db.selectFrom("workshop").select("id").where("territory_id", "=", territory.id).executeTakeFirstOrThrow();
    const framework = await db.selectFrom("framework").select("id").where("territory_id", "is", null).executeTakeFirstOrThrow();
    ids = { campaignId: campaign.id, workshopId: workshop.id, frameworkId: framework.id };
  });

  it("each action is allowed to exactly its roles and refused with 403 to the others", { timeout: 300_000 }, async () => {
    const table: string[] = [];
    const wrong: string[] = [];
    const { server } = app;
    for (const action of ACTIONS) {
      const row: string[] = [];
      for (const role of ALL) {
        const init: RequestInit = { method: action.method ?? "GET", headers: { cookie: cookies.get(role)!, origin: server.url }, redirect: "manual", signal: AbortSignal.timeout(20_000) };
        if (action.body) init.body = new URLSearchParams(action.body);
        const response = await fetch(`${server.url}${action.path(ids)}`, init);
        await response.arrayBuffer();
        const allowed = action.allowed.includes(role);
        const ok = allowed ? response.status !== 403 && response.status < 500 && !response.headers.get("location")?.startsWith("/login") : response.status === 403;
        row.push(`${role}:${response.status}`);
        if (!ok) wrong.push(`${action.name} as ${role}: ${response.status}, expected ${allowed ? "allowed" : "403"}`);
      }
      table.push(`${action.name.padEnd(28)} ${row.join(" ")}`);
    }
    expect(wrong, table.join("\n")).toEqual([]);
  });
});
