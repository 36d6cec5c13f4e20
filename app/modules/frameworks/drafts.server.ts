// Writing frameworks: fork, edit a draft, publish, start a new draft. Only the territory's own
// frameworks are written (a starter or another territory's framework is a 404 here); every
// saved definition passes parseFrameworkFile, except that a draft may hold an empty dimension
// for a while (isToleratedInDraft); publishing requires the whole file to be valid.
import type { Db, DbOrTrx } from "../../../db/connection";
import { type Framework, type FrameworkIssue, type LocalizedText, parseFrameworkFile } from "../../../evaluation-frameworks/schema";
import { newId } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { logAudit } from "../audit/audit.server";
import { diffTarget } from "./diff-target";
import { parseStoredDefinition } from "./stored-definition";
import { type Failure, formFailure, type Result } from "../failure";
import { applyDraftEdit, type DraftEdit, type EditRefusal, issuesToFields, isToleratedInDraft } from "./editor";
import { slugify, uniqueId } from "./slug";

export type Actor = { territoryId: string; userId: string };

const notFound = () => new Response("Not found", { status: 404 });

/** The file's "version" follows the version number, so an exported file says which one it is. */
export const versionLabel = (versionNumber: number) => `${versionNumber}.0.0`;

export async function findOwnFramework(db: DbOrTrx, territoryId: string, frameworkId: string) {
  const framework = await db.selectFrom("framework").selectAll().where("id", "=", frameworkId).where("territory_id", "=", territoryId).executeTakeFirst();
  if (!framework) throw notFound();
  return framework;
}

async function findDraft(db: DbOrTrx, territoryId: string, frameworkId: string) {
  const row = await db
    .selectFrom("framework_version")
    .select(["id", "version_number", "definition"])
    .where("framework_id", "=", frameworkId)
    .where("territory_id", "=", territoryId)
    .where("status", "=", "draft")
    .executeTakeFirst();
  return row && { id: row.id, versionNumber: row.version_number, definition: parseStoredDefinition(row.definition) };
}

/** Indicator ids of every version of the framework and of the version it was forked from. */
async function pastIndicatorIds(db: DbOrTrx, territoryId: string, frameworkId: string): Promise<string[]> {
  const framework = await findOwnFramework(db, territoryId, frameworkId);
  const rows = await db
    .selectFrom("framework_version as v")
    .innerJoin("framework as f", "f.id", "v.framework_id")
    .select("v.definition")
    .where((eb) => eb.or([eb("v.framework_id", "=", framework.id), eb("v.id", "=", framework.forked_from_version_id ?? "")]))
    .where((eb) => eb.or([eb("f.territory_id", "is", null), eb("f.territory_id", "=", territoryId)]))
    .execute();
  return [...new Set(rows.flatMap((row) => parseStoredDefinition(row.definition).indicators.map((i) => i.id)))];
}

/** A slug for a new own framework, unique in the territory: also the file's id. */
export async function freeFrameworkSlug(db: DbOrTrx, territoryId: string, wanted: string) {
  const taken = await db.selectFrom("framework").select("slug").where("territory_id", "=", territoryId).execute();
  return uniqueId(wanted, taken.map((t) => t.slug), "-");
}

/** Inserts a territory-owned framework with its first draft (one transaction with the caller). */
export async function insertOwnFramework(trx: DbOrTrx, actor: Actor, definition: Framework, origin: { frameworkId: string; versionId: string } | null) {
  const frameworkId = newId();
  const createdAt = nowIso();
  await trx
    .insertInto("framework")
    .values({ id: frameworkId, territory_id: actor.territoryId, slug: definition.id, forked_from_framework_id: origin?.frameworkId ?? null, forked_from_version_id: origin?.versionId ?? null, created_at: createdAt })
    .execute();
  const versionId = newId();
  await trx
    .insertInto("framework_version")
    .values({ id: versionId, framework_id: frameworkId, territory_id: actor.territoryId, version_number: 1, status: "draft", definition: JSON.stringify(definition), created_at: createdAt, published_at: null })
    .execute();
  await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "framework_version", entityId: versionId, action: origin ? "forked" : "imported", toState: "draft" });
  return frameworkId;
}

/**
 * Copies a readable version (starter or own) into a new framework of the territory, as draft v1.
 * Every indicator keeps its id, so results compare with campaigns run on the original.
 */
export async function forkFramework(db: Db, actor: Actor, versionId: string, title: LocalizedText): Promise<{ frameworkId: string }> {
  return db.transaction().execute(async (trx) => {
    const source = await trx
      .selectFrom("framework_version as v")
      .innerJoin("framework as f", "f.id", "v.framework_id")
      .select(["v.id", "v.framework_id", "v.definition"])
      .where("v.id", "=", versionId)
      .where((eb) => eb.or([eb("f.territory_id", "is", null), eb("f.territory_id", "=", actor.territoryId)]))
      .executeTakeFirst();
    if (!source) throw notFound();
    const slug = await freeFrameworkSlug(trx, actor.territoryId, slugify(title.fr, "-", "cadre"));
    const definition: Framework = { ...parseStoredDefinition(source.definition), id: slug, version: versionLabel(1), title };
    const frameworkId = await insertOwnFramework(trx, actor, definition, { frameworkId: source.framework_id, versionId: source.id });
    return { frameworkId };
  });
}

export type DraftEditResult = { ok: true; itemId?: string } | { ok: false; refusal?: EditRefusal; fieldErrors: Record<string, LocalizedText[]>; formErrors: LocalizedText[] };

/**
 * Applies one editor form to the framework's draft: the pure change (editor.ts), then the whole
 * definition through parseFrameworkFile; its issues come back on the form's `fields`.
 * Nothing is written unless the result is a valid framework file.
 */
export async function editFrameworkDraft(db: Db, actor: Actor, frameworkId: string, edit: DraftEdit, fields: readonly string[]): Promise<DraftEditResult> {
  return db.transaction().execute(async (trx) => {
    await findOwnFramework(trx, actor.territoryId, frameworkId);
    const draft = await findDraft(trx, actor.territoryId, frameworkId);
    if (!draft) return { ok: false, refusal: { key: "frameworks.errors.noDraft" }, fieldErrors: {}, formErrors: [] };
    const applied = applyDraftEdit(draft.definition, edit, await pastIndicatorIds(trx, actor.territoryId, frameworkId));
    if (!applied.ok) return { ok: false, refusal: applied.refusal, fieldErrors: {}, formErrors: [] };
    const parsed = parseFrameworkFile(applied.definition);
    if (!parsed.ok && !parsed.issues.every(isToleratedInDraft)) return { ok: false, ...issuesToFields(parsed.issues.filter((i) => !isToleratedInDraft(i)), applied.path, fields) };
    await trx
      .updateTable("framework_version")
      .set({ definition: JSON.stringify(parsed.ok ? parsed.framework : applied.definition) })
      .where("id", "=", draft.id)
      .where("territory_id", "=", actor.territoryId)
      .where("status", "=", "draft")
      .execute();
    return { ok: true, itemId: applied.itemId };
  });
}

/** Publishes the draft: from then on the database refuses any change to it. */
export async function publishFrameworkDraft(db: Db, actor: Actor, frameworkId: string): Promise<Result<{ versionNumber: number }> | (Failure & { issues: FrameworkIssue[] })> {
  return db.transaction().execute(async (trx) => {
    await findOwnFramework(trx, actor.territoryId, frameworkId);
    const draft = await findDraft(trx, actor.territoryId, frameworkId);
    if (!draft) return formFailure("frameworks.errors.noDraft");
    const parsed = parseFrameworkFile(draft.definition);
    if (!parsed.ok) return { ...formFailure("frameworks.errors.draftInvalid"), issues: parsed.issues };
    await trx
      .updateTable("framework_version")
      .set({ status: "published", published_at: nowIso() })
      .where("id", "=", draft.id)
      .where("territory_id", "=", actor.territoryId)
      .where("status", "=", "draft")
      .execute();
    await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "framework_version", entityId: draft.id, action: "published", fromState: "draft", toState: "published" });
    return { ok: true, versionNumber: draft.versionNumber };
  });
}

/** Starts editing again: a copy of the latest published version as draft number + 1. */
export async function startNewDraft(db: Db, actor: Actor, frameworkId: string): Promise<Result<{ versionNumber: number }>> {
  return db.transaction().execute(async (trx) => {
    await findOwnFramework(trx, actor.territoryId, frameworkId);
    if (await findDraft(trx, actor.territoryId, frameworkId)) return formFailure("frameworks.errors.draftExists");
    const latest = await trx
      .selectFrom("framework_version")
      .select(["version_number", "definition"])
      .where("framework_id", "=", frameworkId)
      .where("territory_id", "=", actor.territoryId)
      .orderBy("version_number", "desc")
      .executeTakeFirst();
    if (!latest) throw notFound();
    const versionNumber = latest.version_number + 1;
    const definition: Framework = { ...parseStoredDefinition(latest.definition), version: versionLabel(versionNumber) };
    const id = newId();
    await trx
      .insertInto("framework_version")
      .values({ id, framework_id: frameworkId, territory_id: actor.territoryId, version_number: versionNumber, status: "draft", definition: JSON.stringify(definition), created_at: nowIso(), published_at: null })
      .execute();
    await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "framework_version", entityId: id, action: "new_draft", toState: "draft" });
    return { ok: true, versionNumber };
  });
}

/**
 * The draft the editor works on, or null when the framework has none; 404 unless the framework is
 * the territory's own. `diffAgainst`: the version the draft is compared with, the last published
 * one, or else the version it was forked from (its number is not looked up: 0).
 */
export async function getFrameworkDraft(db: DbOrTrx, territoryId: string, frameworkId: string) {
  const framework = await findOwnFramework(db, territoryId, frameworkId);
  const draft = await findDraft(db, territoryId, frameworkId);
  if (!draft) return null;
  const parsed = parseFrameworkFile(draft.definition);
  const published = await db
    .selectFrom("framework_version")
    .select(["id", "version_number"])
    .where("framework_id", "=", frameworkId)
    .where("territory_id", "=", territoryId)
    .where("status", "=", "published")
    .orderBy("version_number", "desc")
    .executeTakeFirst();
  const diffAgainst = diffTarget(
    { number: draft.versionNumber, status: "draft" },
    published ? [{ id: published.id, number: published.version_number, status: "published" }] : [],
    framework.forked_from_version_id ? { versionId: framework.forked_from_version_id, versionNumber: 0 } : null,
  );
  return { ...draft, issues: parsed.ok ? [] : parsed.issues, diffAgainst };
}
