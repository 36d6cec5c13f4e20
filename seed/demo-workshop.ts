import type { Db } from "../db/connection";
import { addWorkshopStory, getWorkshopFindingsPage, moderateWorkshopStory, recordWorkshopPosition } from "../app/modules/workshops/findings.server";
import { getParticipantView, joinWorkshop, recordWorkshopVote } from "../app/modules/workshops/votes.server";
import { controlWorkshop, createWorkshop, getBoardState, listCampaignWorkshops } from "../app/modules/workshops/workshops.server";

/**
 * A workshop of the open demo campaign, through the module like a facilitator would: six
 * residents voted on the first indicator (closed, so counted as source « workshop »), a divided
 * position with its minority view, and a story anonymised by moderation.
 */
export async function seedDemoWorkshop(db: Db, territoryId: string, campaignId: string): Promise<void> {
  const form = await listCampaignWorkshops(db, territoryId, campaignId);
  // On the ressourcerie, the project the residents are asked about (and the one its story tells of).
  const project = form.projects.find((p) => p.name.startsWith("Ressourcerie")) ?? form.projects[0];
  const group = form.groups.find((g) => g.id === "residents") ?? form.groups[0];
  if (!project || !group || form.indicators.length === 0) return;
  const created = await createWorkshop(db, territoryId, campaignId, { heldOn: "2026-11-18", place: "Maison de quartier des Tilleuls", projectId: project.id, groupIds: form.groups.map((g) => g.id), indicatorIds: form.indicators.slice(0, 3).map((i) => i.id) });
  if (!created.ok) throw new Error(`demo workshop refused: ${JSON.stringify(created)}`);
  const board = await getBoardState(db, territoryId, created.id);
  await controlWorkshop(db, territoryId, created.id, "open");
  const options = (await getParticipantView(db, board.joinCode, null))?.indicator?.options ?? [];
  const indicatorId = board.indicator?.id ?? "";
  const picks = [options.at(-1), options.at(-1), options.at(-2), options.at(-2), options[0], "dont_know"];
  for (const value of picks) {
    const joined = await joinWorkshop(db, board.joinCode, group.id);
    if (joined.ok && value) await recordWorkshopVote(db, board.joinCode, joined.participant, { indicatorId, value });
  }
  await controlWorkshop(db, territoryId, created.id, "close");
  await recordWorkshopPosition(db, territoryId, created.id, {
    indicatorId,
    kind: "divided",
    reasoning: "La plupart disent que la ressourcerie leur a donné l'occasion d'agir dans le quartier, par le bénévolat ou les ateliers de réparation.",
    minorityView: "Deux personnes n'en ont entendu parler qu'à cet atelier : pour elles, rien n'a changé.",
  });
  const dimensionId = (await getWorkshopFindingsPage(db, territoryId, created.id)).dimensions[0]?.id ?? "";
  await addWorkshopStory(db, territoryId, created.id, { text: "Mme Lefèvre, de la rue des Acacias, répare maintenant les vélos du quartier avec son voisin.", dimensionId, groupId: group.id });
  const story = (await getWorkshopFindingsPage(db, territoryId, created.id)).stories[0];
  if (story) await moderateWorkshopStory(db, territoryId, created.id, { storyId: story.id, decision: "anonymise", text: "Une habitante répare maintenant les vélos du quartier avec son voisin." });
}
