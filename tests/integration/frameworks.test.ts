import { readFileSync } from "node:fs";
import { parseWithZod } from "@conform-to/zod/v4";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { createTerritoryWithAdmin } from "../../app/modules/accounts/territories.server";
import { diffFrameworkVersions } from "../../app/modules/frameworks/diff";
import { editFrameworkDraft, forkFramework, publishFrameworkDraft, startNewDraft } from "../../app/modules/frameworks/drafts.server";
import type { DraftEdit } from "../../app/modules/frameworks/editor";
import { indicatorFormSchema } from "../../app/modules/frameworks/editor-forms";
import { exportFrameworkVersion, importFrameworkFile } from "../../app/modules/frameworks/files.server";
import { indicatorValues } from "../../app/modules/frameworks/form-values";
import { getFramework, listFrameworkLibrary, listUsableFrameworkVersions } from "../../app/modules/frameworks/frameworks.server";
import { parseStoredDefinition } from "../../app/modules/frameworks/stored-definition";
import type { Framework } from "../../evaluation-frameworks/schema";
import { createTestDb, demoFacts } from "../helpers/db";
import { inFrench } from "../helpers/messages";
import { nth } from "../helpers/present";

type TestDb = Awaited<ReturnType<typeof createTestDb>>;
let testDb: TestDb;
let db: Db;
let actor: { territoryId: string; userId: string };

beforeEach(async () => {
  testDb = await createTestDb({ seed: true });
  db = testDb.db;
  const { admin } = await demoFacts(db);
  actor = admin;
});
afterEach(() => testDb.cleanup());

async function starterVersion(slug = "utilite-sociale-territoriale") {
  return db
    .selectFrom("framework_version as v")
    .innerJoin("framework as f", "f.id", "v.framework_id")
    .select(["v.id", "v.framework_id", "v.definition"])
    .where("f.slug", "=", slug)
    .where("f.territory_id", "is", null)
    .executeTakeFirstOrThrow();
}

async function draftOf(frameworkId: string): Promise<Framework> {
  const framework = await getFramework(db, actor.territoryId, frameworkId);
  return framework.versions.find((v) => v.status === "draft")!.definition;
}

/** An indicator form as a browser posts it, parsed as the editor route parses it. */
function indicatorEdit(values: Record<string, string | string[] | undefined>): DraftEdit {
  const formData = new FormData();
  for (const [name, value] of Object.entries(values)) for (const v of [value ?? []].flat()) formData.append(name, v);
  const submission = parseWithZod(formData, { schema: indicatorFormSchema });
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
  return { kind: "indicator", input: submission.value };
}

const INDICATOR_FIELDS = Object.keys(indicatorFormSchema.shape);

async function counts() {
  const [frameworks, versions, audits] = await Promise.all([
    db.selectFrom("framework").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("framework_version").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
    db.selectFrom("audit_log").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow(),
  ]);
  return { frameworks: frameworks.n, versions: versions.n, audits: audits.n };
}

describe("fork → edit → publish → diff", () => {
  it("the diff with the original shows exactly the reworded, added and removed indicators", async () => {
    const source = await starterVersion();
    const original = parseStoredDefinition(source.definition);
    const { frameworkId } = await forkFramework(db, actor, source.id, { fr: "Utilité sociale — Démo", en: "Social utility — Demo" });

    const forked = await draftOf(frameworkId);
    expect(forked.indicators.map((i) => i.id)).toEqual(original.indicators.map((i) => i.id));
    expect(forked.id).toBe("utilite-sociale-demo");

    const reworded = nth(forked.indicators, 0);
    const removed = nth(forked.indicators, 1);
    expect((await editFrameworkDraft(db, actor, frameworkId, indicatorEdit({ ...indicatorValues(reworded, forked), questionFr: "Pouvez-vous davantage agir sur votre quartier ?" }), INDICATOR_FIELDS)).ok).toBe(true);
    const added = await editFrameworkDraft(
      db,
      actor,
      frameworkId,
      indicatorEdit({ ...indicatorValues(undefined, forked), labelFr: "Fierté du quartier", labelEn: "Pride in the neighbourhood", questionFr: "Êtes-vous fier·e de votre quartier ?", questionEn: "Are you proud of your neighbourhood?", sources: [nth(forked.sources, 0).id] }),
      INDICATOR_FIELDS,
    );
    expect(added).toEqual({ ok: true, itemId: "fierte_du_quartier" });
    expect((await editFrameworkDraft(db, actor, frameworkId, { kind: "removeIndicator", id: removed.id }, [])).ok).toBe(true);

    expect(await publishFrameworkDraft(db, actor, frameworkId)).toEqual({ ok: true, versionNumber: 1 });
    const framework = await getFramework(db, actor.territoryId, frameworkId);
    expect(framework.versions.map((v) => [v.number, v.status])).toEqual([[1, "published"]]);
    expect(framework.forkedFrom).toMatchObject({ versionId: source.id, title: original.title });

    const diff = diffFrameworkVersions(original, nth(framework.versions, 0).definition);
    expect(diff.indicatorsReworded.map((r) => [r.id, r.rewordings.map((w) => w.field)])).toEqual([[reworded.id, ["question"]]]);
    expect(nth(nth(diff.indicatorsReworded, 0).rewordings, 0).after?.fr).toBe("Pouvez-vous davantage agir sur votre quartier ?");
    expect(diff.indicatorsAdded.map((i) => i.id)).toEqual(["fierte_du_quartier"]);
    expect(diff.indicatorsRemoved.map((i) => i.id)).toEqual([removed.id]);
    expect(diff.indicatorsChanged).toEqual([]);
    expect([diff.dimensionsAdded, diff.dimensionsRemoved, diff.dimensionsChanged]).toEqual([[], [], []]);

    const audit = await db.selectFrom("audit_log").select(["action", "to_state"]).where("entity_type", "=", "framework_version").where("territory_id", "=", actor.territoryId).orderBy("id").execute();
    expect(audit).toEqual([
      { action: "forked", to_state: "draft" },
      { action: "published", to_state: "published" },
    ]);

    // The published version is usable by a campaign; the starter library is unchanged.
    const usable = await listUsableFrameworkVersions(db, actor.territoryId);
    expect(usable.find((v) => v.id === nth(framework.versions, 0).id)?.definition.title.fr).toBe("Utilité sociale — Démo");
    expect((await starterVersion()).definition).toBe(source.definition);
  });

  it("a new draft copies the latest published version as version 2; only one draft at a time", async () => {
    const { frameworkId } = await forkFramework(db, actor, (await starterVersion()).id, { fr: "Mon cadre", en: "My framework" });
    expect(await startNewDraft(db, actor, frameworkId)).toMatchObject({ ok: false, formErrors: [{ key: "frameworks.errors.draftExists" }] });
    await publishFrameworkDraft(db, actor, frameworkId);
    expect(await startNewDraft(db, actor, frameworkId)).toEqual({ ok: true, versionNumber: 2 });
    const framework = await getFramework(db, actor.territoryId, frameworkId);
    expect(framework.versions.map((v) => [v.number, v.status, v.definition.version])).toEqual([
      [2, "draft", "2.0.0"],
      [1, "published", "1.0.0"],
    ]);
    expect(nth(framework.versions, 0).definition.indicators).toEqual(nth(framework.versions, 1).definition.indicators);
    // The database itself refuses a second draft.
    expect(() =>
      testDb.sqlite
        .prepare("insert into framework_version (id, framework_id, territory_id, version_number, status, definition, created_at) values ('x', ?, ?, 3, 'draft', '{}', 'now')")
        .run(frameworkId, actor.territoryId),
    ).toThrow(/UNIQUE constraint failed/);
  });

  it("an indicator removed from a later version never gives its id to a new one", async () => {
    const { frameworkId } = await forkFramework(db, actor, (await starterVersion()).id, { fr: "Mon cadre", en: "My framework" });
    const v1 = await draftOf(frameworkId);
    const pride = { ...indicatorValues(undefined, v1), labelFr: "Fierté du quartier", labelEn: "Pride", questionFr: "Êtes-vous fier·e de votre quartier ?", questionEn: "Are you proud of your neighbourhood?", sources: [nth(v1.sources, 0).id] };
    expect(await editFrameworkDraft(db, actor, frameworkId, indicatorEdit(pride), INDICATOR_FIELDS)).toEqual({ ok: true, itemId: "fierte_du_quartier" });
    await publishFrameworkDraft(db, actor, frameworkId);
    await startNewDraft(db, actor, frameworkId);
    await editFrameworkDraft(db, actor, frameworkId, { kind: "removeIndicator", id: "fierte_du_quartier" }, []);
    expect(await editFrameworkDraft(db, actor, frameworkId, indicatorEdit(pride), INDICATOR_FIELDS)).toEqual({ ok: true, itemId: "fierte_du_quartier_2" });
  });

  it("the library lists starter frameworks and the territory's fork with its origin", async () => {
    const { frameworkId } = await forkFramework(db, actor, (await starterVersion()).id, { fr: "Mon cadre", en: "My framework" });
    const library = await listFrameworkLibrary(db, actor.territoryId);
    expect(library.filter((f) => f.isStarter)).toHaveLength(3);
    const own = library.find((f) => f.id === frameworkId)!;
    expect(own.forkedFrom?.title?.fr).toBe("Utilité sociale et territoriale");
    expect(own.versions).toMatchObject([{ number: 1, status: "draft", publishedAt: null }]);
    // A draft is never offered to a campaign.
    expect((await listUsableFrameworkVersions(db, actor.territoryId)).some((v) => v.definition.title.fr === "Mon cadre")).toBe(false);
  });
});

describe("published versions never change", () => {
  it("the database refuses a raw UPDATE or DELETE of a published version", async () => {
    const { frameworkId } = await forkFramework(db, actor, (await starterVersion()).id, { fr: "Mon cadre", en: "My framework" });
    await publishFrameworkDraft(db, actor, frameworkId);
    const version = nth((await getFramework(db, actor.territoryId, frameworkId)).versions, 0);
    expect(() => testDb.sqlite.prepare("update framework_version set definition = '{}' where id = ?").run(version.id)).toThrow(/published framework version is immutable/);
    expect(() => testDb.sqlite.prepare("update framework_version set status = 'draft' where id = ?").run(version.id)).toThrow(/published framework version is immutable/);
    expect(() => testDb.sqlite.prepare("delete from framework_version where id = ?").run(version.id)).toThrow(/published framework version is immutable/);
    const starter = await starterVersion();
    expect(() => testDb.sqlite.prepare("update framework_version set definition = '{}' where id = ?").run(starter.id)).toThrow(/immutable/);
    expect(JSON.stringify(nth((await getFramework(db, actor.territoryId, frameworkId)).versions, 0).definition)).toBe(JSON.stringify(version.definition));
  });

  it("editing a framework whose only version is published is refused until a new draft exists", async () => {
    const { frameworkId } = await forkFramework(db, actor, (await starterVersion()).id, { fr: "Mon cadre", en: "My framework" });
    await publishFrameworkDraft(db, actor, frameworkId);
    const result = await editFrameworkDraft(db, actor, frameworkId, { kind: "removeIndicator", id: "pa_confiance" }, []);
    expect(result).toMatchObject({ ok: false, formErrors: [{ key: "frameworks.errors.noDraft" }] });
  });
});

describe("the editor's checks", () => {
  it("an invalid indicator comes back with a message per field and nothing is saved", async () => {
    const { frameworkId } = await forkFramework(db, actor, (await starterVersion()).id, { fr: "Mon cadre", en: "My framework" });
    const before = await draftOf(frameworkId);
    const indicator = nth(before.indicators, 0);
    const result = await editFrameworkDraft(db, actor, frameworkId, indicatorEdit({ ...indicatorValues(indicator, before), scale: "nexiste_pas", audiences: ["martiens"] }), INDICATOR_FIELDS);
    if (result.ok) throw new Error("accepted");
    expect(Object.keys(result.fieldErrors).sort()).toEqual(["audiences", "scale"]);
    expect(inFrench(result.fieldErrors.scale?.[0]?.params?.message)).toMatch(/^L'échelle « nexiste_pas » n'existe pas/);
    expect(await draftOf(frameworkId)).toEqual(before);
  });

  it("a new dimension may stay empty in the draft, but the draft cannot be published until it has an indicator", async () => {
    const { frameworkId } = await forkFramework(db, actor, (await starterVersion()).id, { fr: "Mon cadre", en: "My framework" });
    const dimension = { labelFr: "Santé", labelEn: "Health", descriptionFr: "Se sentir bien.", descriptionEn: "Feeling well.", weight: 1 };
    expect(await editFrameworkDraft(db, actor, frameworkId, { kind: "dimension", input: dimension }, [])).toEqual({ ok: true, itemId: "sante" });
    const refused = await publishFrameworkDraft(db, actor, frameworkId);
    expect(refused).toMatchObject({ ok: false, formErrors: [{ key: "frameworks.errors.draftInvalid" }], issues: [{ path: expect.stringMatching(/^dimensions\[\d+\]$/) }] });
    expect(inFrench("issues" in refused ? refused.issues[0]?.message : undefined)).toContain("« sante » n'a aucun indicateur");
    const draft = await draftOf(frameworkId);
    const added = await editFrameworkDraft(
      db,
      actor,
      frameworkId,
      indicatorEdit({ ...indicatorValues(undefined, draft), dimension: "sante", labelFr: "Bien-être", labelEn: "Well-being", questionFr: "Vous sentez-vous bien ?", questionEn: "Do you feel well?", sources: [nth(draft.sources, 0).id] }),
      INDICATOR_FIELDS,
    );
    expect(added.ok).toBe(true);
    expect(await publishFrameworkDraft(db, actor, frameworkId)).toEqual({ ok: true, versionNumber: 1 });
  });

  it("removing a dimension that still has indicators is refused", async () => {
    const { frameworkId } = await forkFramework(db, actor, (await starterVersion()).id, { fr: "Mon cadre", en: "My framework" });
    const before = await draftOf(frameworkId);
    const result = await editFrameworkDraft(db, actor, frameworkId, { kind: "removeDimension", id: nth(before.dimensions, 0).id }, []);
    expect(result).toMatchObject({ ok: false, formErrors: [{ key: "frameworks.errors.dimensionHasIndicators" }] });
    expect((await draftOf(frameworkId)).dimensions).toEqual(before.dimensions);
  });
});

describe("import and export", () => {
  it("a bad file returns every issue with its path and writes nothing", async () => {
    const before = await counts();
    const broken = JSON.parse(readFileSync("evaluation-frameworks/utilite-sociale-territoriale.json", "utf8"));
    broken.id = "mon-cadre-importe";
    broken.indicators[0].scale = "likert7";
    broken.privacy.k = 2;
    const result = await importFrameworkFile(db, actor, JSON.stringify(broken));
    if (result.ok) throw new Error("accepted");
    expect(result.formErrors.map((m) => m.params?.path).sort()).toEqual(["indicators[0].scale", "privacy.k"]);
    expect(inFrench(result.formErrors.find((m) => m.params?.path === "privacy.k")?.params?.message)).toMatch(/^k vaut 2/);
    expect(await counts()).toEqual(before);
  });

  it("a file that is not JSON says so, and writes nothing", async () => {
    const before = await counts();
    const result = await importFrameworkFile(db, actor, '{ "id": "x", ');
    expect(result).toMatchObject({ ok: false, formErrors: [{ key: "frameworks.import.issueInFile" }] });
    expect(inFrench(result.ok ? undefined : result.formErrors[0]?.params?.message)).toMatch(/^Le fichier n'est pas un JSON valide/);
    expect(await counts()).toEqual(before);
  });

  it("a good file becomes a new framework of the territory, as a draft", async () => {
    const file = JSON.parse(readFileSync("evaluation-frameworks/parcours-insertion-iae.json", "utf8"));
    file.id = "parcours-maison";
    const result = await importFrameworkFile(db, actor, JSON.stringify(file));
    if (!result.ok) throw new Error(JSON.stringify(result.formErrors));
    const framework = await getFramework(db, actor.territoryId, result.frameworkId);
    expect(framework.isStarter).toBe(false);
    expect(framework.slug).toBe("parcours-maison");
    expect(framework.versions.map((v) => [v.number, v.status])).toEqual([[1, "draft"]]);
    expect(nth(framework.versions, 0).definition.indicators).toEqual(file.indicators);
  });

  it("export → import round-trips: the file comes back as the next draft of the same framework", async () => {
    const { frameworkId } = await forkFramework(db, actor, (await starterVersion()).id, { fr: "Mon cadre", en: "My framework" });
    await publishFrameworkDraft(db, actor, frameworkId);
    const exported = await exportFrameworkVersion(db, actor.territoryId, frameworkId, 1);
    expect(exported.filename).toBe("mon-cadre.json");
    expect(Object.keys(JSON.parse(exported.text))[0]).toBe("$schema");
    expect(JSON.parse(exported.text).$schema).toBe("./framework.schema.json");

    const result = await importFrameworkFile(db, actor, exported.text);
    expect(result).toEqual({ ok: true, frameworkId, versionNumber: 2 });
    const framework = await getFramework(db, actor.territoryId, frameworkId);
    const draft = nth(framework.versions, 0);
    const published = nth(framework.versions, 1);
    expect({ ...draft.definition, version: "", $schema: undefined }).toEqual({ ...published.definition, version: "", $schema: undefined });
    expect(diffFrameworkVersions(published.definition, draft.definition).indicatorsAdded).toEqual([]);
    // A second import while that draft is open is refused, not merged.
    expect(await importFrameworkFile(db, actor, exported.text)).toMatchObject({ ok: false, formErrors: [{ params: { path: "id" } }] });
  });
});

describe("sealed tenants", () => {
  it("another territory's framework is a 404 for reading, editing, publishing and exporting", async () => {
    const { frameworkId } = await forkFramework(db, actor, (await starterVersion()).id, { fr: "Cadre de Démo", en: "Demo framework" });
    const other = await createTerritoryWithAdmin(db, { slug: "autre", name: "Autre Commune", kind: "commune", admin: { email: "maire@autre.fr", displayName: "Maire", password: "autre-autre-autre" } });
    const stranger = { territoryId: other.territoryId, userId: other.userId };
    const status = (promise: Promise<unknown>) =>
      promise.then(
        () => 200,
        (error: unknown) => (error instanceof Response ? error.status : 500),
      );
    expect(await status(getFramework(db, stranger.territoryId, frameworkId))).toBe(404);
    expect(await status(editFrameworkDraft(db, stranger, frameworkId, { kind: "removeIndicator", id: "pa_confiance" }, []))).toBe(404);
    expect(await status(publishFrameworkDraft(db, stranger, frameworkId))).toBe(404);
    expect(await status(startNewDraft(db, stranger, frameworkId))).toBe(404);
    expect(await status(exportFrameworkVersion(db, stranger.territoryId, frameworkId))).toBe(404);
    const draftVersion = nth((await getFramework(db, actor.territoryId, frameworkId)).versions, 0);
    expect(await status(forkFramework(db, stranger, draftVersion.id, { fr: "Vol", en: "Theft" }))).toBe(404);
    expect((await listFrameworkLibrary(db, stranger.territoryId)).some((f) => f.id === frameworkId)).toBe(false);
  });

  it("a starter framework is read by everyone but edited by no one", async () => {
    const starter = await starterVersion();
    const status = await editFrameworkDraft(db, actor, starter.framework_id, { kind: "removeIndicator", id: "pa_confiance" }, []).then(
      () => 200,
      (error: unknown) => (error instanceof Response ? error.status : 500),
    );
    expect(status).toBe(404);
    expect((await getFramework(db, actor.territoryId, starter.framework_id)).isStarter).toBe(true);
  });
});
