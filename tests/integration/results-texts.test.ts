import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { transitionCampaign } from "../../app/modules/campaigns/campaigns.server";
import { campaignInvitations } from "../../app/modules/invitations/campaign-invitations.server";
import { submitSurvey } from "../../app/modules/surveys/submit.server";
import { createDb, type Db } from "../../db/connection";
import { type AppServer, startAppServer } from "../helpers/app-server";
import { createDraftCampaign } from "../helpers/campaigns";
import { dataPath, decodeRouteData, signInCookie } from "../helpers/http";
import { fillDraft } from "./survey-fixtures";

// Free-text answers over HTTP against the real server: nobody reads one before the campaign is
// closed and a council editor approved it, nor one from a group where fewer people wrote than the
// free-text threshold (10 in « Utilité sociale et territoriale »): not the moderator, not the
// results page, not its loader data.
type ModerationData = { available: boolean; withheld?: boolean; texts?: { answerKey: string; indicatorId: string; groupId: string; text: string; status: string }[] };
type WrittenData = { kind: string; written: { threshold: number; texts: { projectId: string; groupId: string; text: string }[] } };

describe("written answers: moderated, and only from groups at the free-text threshold", () => {
  let server: AppServer;
  let db: Db;
  let council: string;
  let association: string;
  let campaignId: string;
  let admin: Awaited<ReturnType<typeof createDraftCampaign>>["admin"];

  beforeAll(async () => {
    server = await startAppServer();
    db = createDb(server.dbPath).db;
    council = await signInCookie(server.url, "elu@demo.fr", "demo-demo-demo");
    association = await signInCookie(server.url, "asso@demo.fr", "demo-demo-demo");
    const draft = await createDraftCampaign(db, { groupIds: ["residents", "beneficiaries"], k: 5 });
    campaignId = draft.campaignId;
    admin = draft.admin;
    expect((await transitionCampaign(db, draft.admin, campaignId, "open", campaignInvitations)).ok).toBe(true);
    const links = await db.selectFrom("invitation").select(["code", "group_id"]).where("campaign_id", "=", campaignId).where("kind", "=", "open_link").execute();
    // 10 residents write (the threshold), 4 beneficiaries write (under it: never read).
    for (const [groupId, writers, prefix] of [["residents", 10, "Récit d'habitant·e"], ["beneficiaries", 4, "Récit de bénéficiaire"]] as const) {
      const code = links.find((l) => l.group_id === groupId)?.code ?? "";
      for (let i = 0; i < writers; i++) {
        const { resumeCode } = await fillDraft(db, code, (step) => (step.scale.type === "text" ? { value: `${prefix} n° ${i} sur ${step.indicator.id}` } : { dontKnow: true }));
        expect((await submitSurvey(db, resumeCode)).status).toBe("submitted");
      }
    }
  }, 180_000);
  afterAll(async () => {
    await db?.destroy();
    await server?.stop();
  });

  const get = (path: string, cookie: string) => fetch(`${server.url}${path}`, { headers: { cookie }, redirect: "manual" });
  const post = (fields: Record<string, string>) => fetch(`${server.url}/campaigns/${campaignId}/texts`, { method: "POST", headers: { cookie: council, origin: server.url }, body: new URLSearchParams(fields), redirect: "manual" });
  async function moderationData(): Promise<ModerationData> {
    const routeId = "routes/campaigns.$campaignId.texts";
    return (await decodeRouteData(await get(dataPath(`/campaigns/${campaignId}/texts`, routeId), council), routeId)) as ModerationData;
  }
  async function writtenPage(cookie: string) {
    const path = `/campaigns/${campaignId}/results/pa_recit`;
    const routeId = "routes/campaigns.$campaignId.results.$indicatorId";
    const html = await (await get(path, cookie)).text();
    return { html, data: (await decodeRouteData(await get(dataPath(path, routeId), cookie), routeId)) as WrittenData };
  }

  it("while the campaign is open, even the moderator reads no written answer", async () => {
    const data = await moderationData();
    expect(data.available).toBe(false);
    expect(JSON.stringify(data)).not.toContain("Récit");
  });

  it("once closed, the moderator reads the residents' texts keyed by a hash, never the small group's, and the page reads none yet", async () => {
    expect((await transitionCampaign(db, admin, campaignId, "closed", campaignInvitations)).ok).toBe(true);
    expect((await get(`/campaigns/${campaignId}/texts`, association)).status).toBe(403);
    const data = await moderationData();
    expect(data.available).toBe(true);
    expect(data.withheld).toBe(true);
    const texts = data.texts ?? [];
    expect(texts).toHaveLength(20); // 10 residents × 2 free-text questions asked to residents
    expect(texts.every((x) => x.groupId === "residents" && x.status === "pending" && /^[0-9a-f]{64}$/.test(x.answerKey))).toBe(true);
    expect(JSON.stringify(data)).not.toContain("bénéficiaire");
    expect(JSON.stringify(data)).not.toMatch(/responseId|response_id/);
    const page = await writtenPage(association);
    expect(page.data.kind).toBe("written");
    expect(page.data.written.texts).toEqual([]);
    expect(page.html).not.toContain("Récit");
    expect(page.html).toContain("Aucune réponse écrite approuvée pour ce projet.");
  });

  it("approved and anonymised texts reach the page (the original of an anonymised one is gone), rejected and pending ones do not", async () => {
    const onRecit = ((await moderationData()).texts ?? []).filter((x) => x.indicatorId === "pa_recit");
    const [approved, anonymised, rejected, pending] = onRecit;
    if (!approved || !anonymised || !rejected || !pending) throw new Error("four texts on pa_recit");

    // An « anonymised » text that did not change comes back with a French message and what was typed.
    const unchanged = await post({ answerKey: anonymised.answerKey, decision: "anonymise", text: anonymised.text });
    expect(unchanged.status).toBe(400);
    const refusedHtml = await (await fetch(`${server.url}/campaigns/${campaignId}/texts`, { method: "POST", headers: { cookie: council, origin: server.url, accept: "text/html" }, body: new URLSearchParams({ answerKey: anonymised.answerKey, decision: "anonymise", text: anonymised.text }) })).text();
    expect(refusedHtml).toContain("Réécrivez le texte sans noms ni lieux : il doit changer.");

    expect((await post({ answerKey: approved.answerKey, decision: "approve", text: approved.text })).status).toBe(302);
    expect((await post({ answerKey: anonymised.answerKey, decision: "anonymise", text: "Une voisine m'a aidé à réparer mon vélo." })).status).toBe(302);
    expect((await post({ answerKey: rejected.answerKey, decision: "reject", text: rejected.text })).status).toBe(302);
    expect((await post({ answerKey: "0".repeat(64), decision: "approve", text: "" })).status).toBe(404);

    for (const cookie of [council, association]) {
      const { html, data } = await writtenPage(cookie);
      expect(data.written.threshold).toBe(10);
      expect(data.written.texts.map((x) => x.text).sort()).toEqual([approved.text, "Une voisine m'a aidé à réparer mon vélo."].sort());
      // The loader data holds the texts the page shows and nothing else.
      for (const x of data.written.texts) expect(html).toContain(x.text.replace("'", "&#x27;"));
      for (const hidden of [anonymised.text, rejected.text, pending.text]) expect(html + JSON.stringify(data)).not.toContain(hidden);
    }
    const stored = await db.selectFrom("answer").select("value").where("value", "=", anonymised.text).execute();
    expect(stored).toEqual([]);
  });
});
