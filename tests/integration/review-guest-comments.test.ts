import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sha256 } from "../../app/lib/ids";
import { seedDemoTerritory } from "../../seed/seed";
import { createTestDb } from "../helpers/db";
import { asResponse, formPost } from "../helpers/http";

// Invited stakeholders' comments, through the guest page's action as Remix calls it, on a real
// database with the demo data (its 2025 evaluation published, its 2026 campaign brought to an
// open review here). The app's db singleton reads DATABASE_URL, so it is set before the imports.
const testDb = await createTestDb();
await seedDemoTerritory(testDb.db, { withResponses: true });
process.env.DATABASE_URL = testDb.path;
const guestRoute = await import("../../app/routes/guest-review.$token");
const { campaignInvitations } = await import("../../app/modules/invitations/campaign-invitations.server");
const { transitionCampaign } = await import("../../app/modules/campaigns/campaigns.server");
const { startReview, stepReview } = await import("../../app/modules/review/evaluation.server");
const { inviteReviewGuest } = await import("../../app/modules/review/guests.server");
const { findPublishedSnapshot } = await import("../../app/modules/review/publish.server");
const { getCampaignResults } = await import("../../app/modules/results/results.server");

const db = testDb.db;
const LABEL = "Conseil citoyen du quartier Nord";
let council: { territoryId: string; userId: string; role: "admin" };
let campaignId = "";
let findingId = "";
let token = "";
let foreignToken = "";

beforeAll(async () => {
  const user = (email: string) => db.selectFrom("user as u").innerJoin("membership as m", "m.user_id", "u.id").select(["u.id", "m.territory_id"]).where("u.email", "=", email).executeTakeFirstOrThrow();
  const elu = await user("elu@demo.fr");
  council = { territoryId: elu.territory_id, userId: elu.id, role: "admin" };
  campaignId = (await db.selectFrom("campaign").select("id").where("title", "like", "Évaluation 2026%").executeTakeFirstOrThrow()).id;
  expect((await transitionCampaign(db, council, campaignId, "closed", campaignInvitations)).ok).toBe(true);
  expect((await startReview(db, council, campaignId, campaignInvitations)).ok).toBe(true);
  expect((await stepReview(db, council, campaignId, "open")).ok).toBe(true);
  expect((await inviteReviewGuest(db, council, campaignId, { email: "cc@example.org", label: LABEL }, "http://localhost")).ok).toBe(true);
  const mail = await db.selectFrom("outbox_message").select("text_body").where("kind", "=", "review_guest_invitation").executeTakeFirstOrThrow();
  token = /\/guest-review\/([\w-]+)/.exec(mail.text_body)?.[1] ?? "";
  const evaluation = await db.selectFrom("evaluation").select("id").where("campaign_id", "=", campaignId).executeTakeFirstOrThrow();
  findingId = (await db.selectFrom("finding").select("id").where("evaluation_id", "=", evaluation.id).orderBy("position").executeTakeFirstOrThrow()).id;
  // A guest of another evaluation (the published 2025 one), with a link of their own.
  const published = await db.selectFrom("evaluation").select(["id", "territory_id"]).where("state", "=", "published").executeTakeFirstOrThrow();
  foreignToken = "lien-d-une-autre-evaluation";
  await db.insertInto("review_guest").values({ id: "guest-2025", territory_id: published.territory_id, evaluation_id: published.id, label: "Partenaire 2025", token_hash: sha256(foreignToken), invited_by: council.userId, created_at: "2025-05-01T10:00:00.000Z" }).execute();
}, 120_000);
afterAll(() => testDb.cleanup());

const comment = async (link: string, fields: Record<string, string>) => asResponse(await guestRoute.action({ request: formPost(`http://localhost/guest-review/${link}`, fields, ""), params: { token: link }, context: {} }));
const stored = () => db.selectFrom("guest_review_comment").select(["guest_id", "body"]).execute();

describe("review guests comment on findings", () => {
  it("a guest link of another evaluation cannot comment on this finding: 404, nothing written", async () => {
    const before = await stored();
    const refused = await comment(foreignToken, { intent: "comment", target: findingId, body: "Commentaire venu d'ailleurs." }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(404);
    expect(await stored()).toEqual(before);
  });

  it("once the review is closed, a guest's comment is refused and nothing is written", async () => {
    expect((await stepReview(db, council, campaignId, "close")).ok).toBe(true);
    const before = await stored();
    const response = await comment(token, { intent: "comment", target: findingId, body: "Trop tard pour commenter." });
    expect(response.status).toBe(400);
    expect(await stored()).toEqual(before);
  });

  it("the published page's dimension scores are the results page's: answers and progress toward targets (the ressourcerie's exits)", async () => {
    const published = await db.selectFrom("evaluation").select(["id", "campaign_id"]).where("state", "=", "published").executeTakeFirstOrThrow();
    const snapshot = await findPublishedSnapshot(db, council.territoryId, published.id);
    const results = await getCampaignResults(db, council.territoryId, published.campaign_id);
    if (!snapshot || !results.available) throw new Error("the demo's published evaluation and its results are expected");
    const engine = (projectId: string, dimensionId: string) => results.scores.find((p) => p.projectId === projectId)?.dimensions.find((d) => d.dimensionId === dimensionId);
    const withProgress = snapshot.findings.filter((f) => (engine(f.projectId, f.dimensionId)?.progress.length ?? 0) > 0);
    // The ressourcerie's 75 % dynamic exits against a 60 % target counts in its dimension.
    expect(withProgress.some((f) => f.figures.reported.some((r) => r.kind === "computed" && r.target === 60))).toBe(true);
    for (const f of snapshot.findings) {
      const score = engine(f.projectId, f.dimensionId)?.score ?? null;
      if (score === null) expect(f.figures.score === null || f.figures.score.hidden).toBe(true);
      else expect(f.figures.score).toMatchObject({ hidden: false, score });
    }
  });
});
