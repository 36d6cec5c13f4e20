import { describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { listCountCellsBySource } from "../../app/modules/surveys/source-writes.server";
import { addWorkshopStory, getWorkshopFindingsPage, listWorkshopFindings, moderateWorkshopStory, recordWorkshopPosition } from "../../app/modules/workshops/findings.server";
import { getParticipantView, joinWorkshop, recordWorkshopVote, type Participant } from "../../app/modules/workshops/votes.server";
import { controlWorkshop, createWorkshop, getBoardState, listCampaignWorkshops } from "../../app/modules/workshops/workshops.server";
import { demoFacts, freshDbPerTest } from "../helpers/db";

async function openWorkshop(db: Db) {
  const { territory } = await demoFacts(db);
  const campaign = await db.selectFrom("campaign").select("id").where("territory_id", "=", territory.id).where("state", "=", "open").executeTakeFirstOrThrow();
  const form = await listCampaignWorkshops(db, territory.id, campaign.id);
  // On the ressourcerie: every demo group is asked about it (residents are not asked about the clauses).
  const project = form.projects.find((p) => p.name.startsWith("Ressourcerie"));
  const indicator = form.indicators[0];
  if (!project || !indicator) throw new Error("the demo campaign has a project and a votable indicator");
  const created = await createWorkshop(db, territory.id, campaign.id, { heldOn: "2026-12-02", place: "Maison de quartier", projectId: project.id, groupIds: form.groups.map((g) => g.id), indicatorIds: form.indicators.slice(0, 2).map((i) => i.id) });
  if (!created.ok) throw new Error(JSON.stringify(created));
  const board = await getBoardState(db, territory.id, created.id);
  return { territoryId: territory.id, campaignId: campaign.id, workshopId: created.id, code: board.joinCode, indicatorId: indicator.id, groupId: form.groups[0]?.id ?? "", projectId: project.id };
}

async function join(db: Db, code: string, groupId: string): Promise<Participant> {
  const joined = await joinWorkshop(db, code, groupId);
  if (!joined.ok) throw new Error(JSON.stringify(joined));
  return joined.participant;
}

describe("workshops", () => {
  const t = freshDbPerTest();

  it("keeps one vote per participant per indicator under concurrent votes, and the last one counts", async () => {
    const w = await openWorkshop(t.db);
    expect((await controlWorkshop(t.db, w.territoryId, w.workshopId, "open")).ok).toBe(true);
    const alice = await join(t.db, w.code, w.groupId);
    const bob = await join(t.db, w.code, w.groupId);
    const options = (await getParticipantView(t.db, w.code, alice))?.indicator?.options ?? [];
    const values = [...options, "dont_know"];
    const bobsValue = options[0] ?? "";
    const results = await Promise.all(Array.from({ length: 30 }, (_, i) => recordWorkshopVote(t.db, w.code, alice, { indicatorId: w.indicatorId, value: values[i % values.length] ?? "1" })));
    expect(results.every((r) => r.ok)).toBe(true);
    await recordWorkshopVote(t.db, w.code, bob, { indicatorId: w.indicatorId, value: bobsValue });
    const votes = await t.db.selectFrom("workshop_vote").select(["participant_hash", "value"]).where("workshop_id", "=", w.workshopId).execute();
    expect(votes).toHaveLength(2);
    const board = await getBoardState(t.db, w.territoryId, w.workshopId);
    expect(board).toMatchObject({ joined: 2, votes: 2, voteState: "open" });
    // Two voters are fewer than k = 5: the room does not see the distribution yet.
    expect(board.distribution.isShown).toBe(false);
    const view = await getParticipantView(t.db, w.code, bob);
    expect(view?.ownVote).toBe(bobsValue);
  });

  it("closing a vote puts its tally in count cells of source workshop, forgets the voters, and refuses later votes", async () => {
    const w = await openWorkshop(t.db);
    await controlWorkshop(t.db, w.territoryId, w.workshopId, "open");
    const people = await Promise.all(Array.from({ length: 6 }, () => join(t.db, w.code, w.groupId)));
    const value = (await getParticipantView(t.db, w.code, null))?.indicator?.options[0] ?? "";
    await Promise.all(people.map((p, i) => recordWorkshopVote(t.db, w.code, p, { indicatorId: w.indicatorId, value: i < 4 ? value : "dont_know" })));
    expect((await controlWorkshop(t.db, w.territoryId, w.workshopId, "close")).ok).toBe(true);
    const cells = (await listCountCellsBySource(t.db, w.territoryId, w.campaignId)).filter((c) => c.source === "workshop");
    expect(cells.map((c) => [c.indicatorId, c.groupId, c.value, c.count]).sort()).toEqual(
      [
        [w.indicatorId, w.groupId, "*", 6],
        [w.indicatorId, w.groupId, value, 4],
        [w.indicatorId, w.groupId, "dont_know", 2],
      ].sort(),
    );
    const hashes = await t.db.selectFrom("workshop_vote").select("participant_hash").where("workshop_id", "=", w.workshopId).execute();
    expect(hashes.every((h) => h.participant_hash === null)).toBe(true);
    const late = await recordWorkshopVote(t.db, w.code, people[0] as Participant, { indicatorId: w.indicatorId, value });
    expect(late.ok).toBe(false);
    // A closed vote never reopens: it would be counted twice.
    expect((await controlWorkshop(t.db, w.territoryId, w.workshopId, "open")).ok).toBe(false);
  });

  it("a value off the scale is refused with a message, and nothing is stored", async () => {
    const w = await openWorkshop(t.db);
    await controlWorkshop(t.db, w.territoryId, w.workshopId, "open");
    const p = await join(t.db, w.code, w.groupId);
    const refused = await recordWorkshopVote(t.db, w.code, p, { indicatorId: w.indicatorId, value: "7" });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { value: [{ key: "workshops.errors.value" }] } });
    expect(await t.db.selectFrom("workshop_vote").select("id").execute()).toHaveLength(0);
  });

  it("a divided position needs its minority view; a story reaches the review only approved, after close, from a group large enough", async () => {
    const w = await openWorkshop(t.db);
    const divided = await recordWorkshopPosition(t.db, w.territoryId, w.workshopId, { indicatorId: w.indicatorId, kind: "divided", reasoning: "Les avis se partagent." });
    expect(divided.ok).toBe(false);
    expect((await recordWorkshopPosition(t.db, w.territoryId, w.workshopId, { indicatorId: w.indicatorId, kind: "divided", reasoning: "Les avis se partagent.", minorityView: "Certains n'ont rien vu changer." })).ok).toBe(true);

    const page = await getWorkshopFindingsPage(t.db, w.territoryId, w.workshopId);
    const dimensionId = page.dimensions[0]?.id ?? "";
    await addWorkshopStory(t.db, w.territoryId, w.workshopId, { text: "Madame Durand, rue des Lilas, a retrouvé un emploi.", dimensionId, groupId: w.groupId });
    const story = (await getWorkshopFindingsPage(t.db, w.territoryId, w.workshopId)).stories[0];
    if (!story) throw new Error("story kept");
    const unchanged = await moderateWorkshopStory(t.db, w.territoryId, w.workshopId, { storyId: story.id, decision: "anonymise", text: story.text });
    expect(unchanged.ok).toBe(false);
    expect((await moderateWorkshopStory(t.db, w.territoryId, w.workshopId, { storyId: story.id, decision: "anonymise", text: "Une voisine a retrouvé un emploi." })).ok).toBe(true);
    const stored = await t.db.selectFrom("workshop_story").select(["text", "status"]).executeTakeFirstOrThrow();
    expect(stored).toEqual({ text: "Une voisine a retrouvé un emploi.", status: "approved" });

    // While the campaign is open the review reads nothing.
    expect(await listWorkshopFindings(t.db, w.territoryId, w.campaignId)).toEqual({ positions: [], stories: [] });
    await t.db.updateTable("campaign").set({ state: "closed" }).where("id", "=", w.campaignId).execute();
    const closed = await listWorkshopFindings(t.db, w.territoryId, w.campaignId);
    expect(closed.positions).toEqual([{ workshopId: w.workshopId, projectId: w.projectId, indicatorId: w.indicatorId, kind: "divided", reasoning: "Les avis se partagent.", minorityView: "Certains n'ont rien vu changer." }]);
    // Nobody of that group voted in the workshop: under the free-text threshold, the story stays out.
    expect(closed.stories).toEqual([]);
  });

  it("another territory's facilitator gets 404 on every workshop read and write", async () => {
    const w = await openWorkshop(t.db);
    await t.db.insertInto("territory").values({ id: "other", slug: "autre", name: "Autre commune", kind: "commune", created_at: "2026-01-01T00:00:00Z" }).execute();
    const calls = [
      () => getBoardState(t.db, "other", w.workshopId),
      () => controlWorkshop(t.db, "other", w.workshopId, "open"),
      () => getWorkshopFindingsPage(t.db, "other", w.workshopId),
      () => recordWorkshopPosition(t.db, "other", w.workshopId, { indicatorId: w.indicatorId, kind: "consensus", reasoning: "x" }),
      () => addWorkshopStory(t.db, "other", w.workshopId, { text: "x", dimensionId: "x", groupId: w.groupId }),
      () => listCampaignWorkshops(t.db, "other", w.campaignId),
    ];
    for (const call of calls) {
      const thrown = await call().then(() => null, (e: unknown) => e);
      expect(thrown instanceof Response ? thrown.status : thrown).toBe(404);
    }
  });
});
