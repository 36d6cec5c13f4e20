import type { DbOrTrx } from "../../../db/connection";
import { findTerritoryBySlug, territoriesByIds } from "../accounts/territories.server";
import { findPublishedSnapshot, listPublishedEvaluations, listPublishingTerritoryIds } from "../review/publish.server";
import type { OpenDataFile } from "./files";
import { openDataFile } from "./open-data";

/**
 * The public side: pages and files readable without signing in. Everything here reads the
 * frozen snapshot of a published evaluation and nothing else; an unknown territory, an
 * unpublished or another territory's evaluation are the same 404.
 */
function notFound(): never {
  throw new Response("Not found", { status: 404 });
}

export async function getPublicIndex(db: DbOrTrx, territorySlug: string) {
  const territory = (await findTerritoryBySlug(db, territorySlug)) ?? notFound();
  return { territory: { slug: territory.slug, name: territory.name }, evaluations: await listPublishedEvaluations(db, territory.id) };
}

export async function getPublicEvaluation(db: DbOrTrx, territorySlug: string, evaluationId: string) {
  const territory = (await findTerritoryBySlug(db, territorySlug)) ?? notFound();
  return (await findPublishedSnapshot(db, territory.id, evaluationId)) ?? notFound();
}

export async function getPublicDataFile(db: DbOrTrx, territorySlug: string, evaluationId: string, file: OpenDataFile) {
  return openDataFile(await getPublicEvaluation(db, territorySlug, evaluationId), file);
}

/** The territories that published at least one evaluation, for the home page. */
export async function listPublishingTerritories(db: DbOrTrx) {
  return territoriesByIds(db, await listPublishingTerritoryIds(db));
}
