import type { Db, DbOrTrx } from "../../../db/connection";
import { createTranslator, localized } from "../../i18n/i18n";
import { nowIso } from "../../lib/time";
import { getTerritorySlug } from "../accounts/territories.server";
import { logAudit } from "../audit/audit.server";
import { getCampaignScope, markCampaignPublished } from "../campaigns/campaigns.server";
import { formFailure, type Result } from "../failure";
import { tallyInvitations } from "../invitations/invitations.server";
import { queueEmail } from "../outbox/outbox.server";
import { takeResultsSubscribers } from "../surveys/subscribers.server";
import { type Actor, evaluationIn } from "./evaluation.server";
import { loadReview } from "./review-content.server";
import { parseSnapshot, SNAPSHOT_VERSION, type Snapshot } from "./snapshot";

/** Where the public reads a published evaluation. */
export function publicEvaluationPath(territorySlug: string, evaluationId: string): string {
  return `/t/${territorySlug}/evaluations/${evaluationId}`;
}

const SOURCE_OF_KIND = { personal: "online", open_link: "online", paper: "paper" } as const;

/** Everything the public page shows, as it stands now; masked already (findings' figures). */
async function buildSnapshot(db: DbOrTrx, territoryId: string, campaignId: string, publishedAt: string): Promise<Snapshot> {
  const [scope, review, tally, territory] = await Promise.all([getCampaignScope(db, territoryId, campaignId), loadReview(db, territoryId, campaignId), tallyInvitations(db, territoryId, campaignId), getTerritorySlug(db, territoryId)]);
  if (!review) throw new Response("Not found", { status: 404 });
  const definition = scope.framework.definition;
  const participation = new Map<string, { groupId: string; source: string; invited: number; responses: number }>();
  for (const row of tally) {
    const source = SOURCE_OF_KIND[row.kind];
    const key = `${row.groupId}|${source}`;
    const entry = participation.get(key) ?? { groupId: row.groupId, source, invited: 0, responses: 0 };
    // An open link invites nobody in particular: only its responses count.
    entry.invited += row.kind === "open_link" ? 0 : row.invitations;
    entry.responses += row.responses;
    participation.set(key, entry);
  }
  return {
    schemaVersion: SNAPSHOT_VERSION,
    evaluationId: review.evaluation.id,
    territory,
    campaign: { title: scope.campaign.title, description: scope.campaign.description, opensOn: scope.campaign.opensOn, closesOn: scope.campaign.closesOn, k: scope.campaign.k, isAnonymous: scope.campaign.isAnonymous },
    framework: {
      title: definition.title,
      version: definition.version,
      versionNumber: scope.framework.versionNumber,
      sources: definition.sources.map((s) => ({ title: s.title, publisher: s.publisher, year: s.year, url: s.url ?? null })),
      scoring: definition.scoring.description ?? null,
      limits: definition.scoring.limits ?? null,
    },
    summary: review.evaluation.summary,
    dates: { reviewOpenedAt: review.evaluation.reviewOpenedAt, reviewClosedAt: review.evaluation.reviewClosedAt, publishedAt },
    groups: definition.stakeholderGroups.filter((g) => scope.groupIds.includes(g.id)).map((g) => ({ id: g.id, label: g.label })),
    dimensions: definition.dimensions.map((d) => ({ id: d.id, label: d.label })),
    projects: scope.projects.map((p) => ({ id: p.id, name: p.name })),
    participation: [...participation.values()],
    // The public sees which association took a position, never which person.
    findings: review.findings.map((f) => ({ ...f, comments: undefined, positions: f.positions.map((p) => ({ association: p.association, position: p.position, reason: p.reason, rewording: p.rewording })) })),
    carriedCommitments: review.carriedCommitments.map((c) => ({ projectId: c.projectId, what: c.what, who: c.who, dueOn: c.dueOn, outcome: c.outcome })),
  };
}

/**
 * Publishes a closed review: freezes the snapshot (the database refuses any later change),
 * marks the campaign published, and tells each results subscriber once through the outbox
 * before deleting their address — all in one transaction.
 */
export async function publishEvaluation(db: Db, actor: Actor, campaignId: string, baseUrl: string): Promise<Result<{ path: string }>> {
  return db.transaction().execute(async (trx) => {
    const evaluation = await evaluationIn(trx, actor.territoryId, campaignId, ["review_closed"]);
    if (!evaluation.ok) return evaluation;
    const publishedAt = nowIso();
    const snapshot = await buildSnapshot(trx, actor.territoryId, campaignId, publishedAt);
    if (!(await markCampaignPublished(trx, actor, campaignId))) return formFailure("review.errors.campaignNotInReview");
    await trx.updateTable("evaluation").set({ state: "published", published_at: publishedAt, snapshot: JSON.stringify(snapshot) }).where("id", "=", evaluation.id).where("territory_id", "=", actor.territoryId).execute();
    await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "evaluation", entityId: evaluation.id, action: "published", fromState: "review_closed", toState: "published" });
    const path = publicEvaluationPath(snapshot.territory.slug, evaluation.id);
    const t = createTranslator("fr");
    for (const email of await takeResultsSubscribers(trx, actor.territoryId, campaignId)) {
      await queueEmail(trx, {
        territoryId: actor.territoryId,
        kind: "evaluation_published",
        to: email,
        subject: t("review.publishedEmail.subject", { campaign: snapshot.campaign.title }),
        text: t("review.publishedEmail.text", { campaign: snapshot.campaign.title, territory: snapshot.territory.name, url: `${baseUrl}${path}`, framework: localized("fr", snapshot.framework.title) }),
        // Not tied to the campaign: erasing the campaign's personal data must not resend or keep it.
        campaignId: null,
      });
    }
    return { ok: true as const, path };
  });
}

/** A territory's published evaluations, newest first: what the public index lists. */
export async function listPublishedEvaluations(db: DbOrTrx, territoryId: string) {
  const rows = await db.selectFrom("evaluation").select(["id", "snapshot", "published_at"]).where("territory_id", "=", territoryId).where("state", "=", "published").orderBy("published_at", "desc").execute();
  return rows.flatMap((r) => {
    if (!r.snapshot || !r.published_at) return [];
    const snapshot = parseSnapshot(r.snapshot);
    return [{ id: r.id, title: snapshot.campaign.title, publishedAt: r.published_at, projects: snapshot.projects.map((p) => p.name) }];
  });
}

/** One published evaluation's frozen snapshot, or null when it is not published (or not this territory's). */
export async function findPublishedSnapshot(db: DbOrTrx, territoryId: string, evaluationId: string): Promise<Snapshot | null> {
  const row = await db.selectFrom("evaluation").select("snapshot").where("id", "=", evaluationId).where("territory_id", "=", territoryId).where("state", "=", "published").executeTakeFirst();
  return row?.snapshot ? parseSnapshot(row.snapshot) : null;
}

/** Territories with at least one published evaluation (public, so not scoped to one territory). */
export async function listPublishingTerritoryIds(db: DbOrTrx): Promise<string[]> {
  const rows = await db.selectFrom("evaluation").select("territory_id").distinct().where("state", "=", "published").execute();
  return rows.map((r) => r.territory_id);
}
