import type { DbOrTrx } from "../../../db/connection";
import { type Framework, parseFrameworkFile } from "../../../evaluation-frameworks/schema";
import { diffTarget } from "./diff-target";
import { parseStoredDefinition } from "./stored-definition";

// Reading frameworks. A territory reads the shared starter library (territory_id NULL) and its
// own frameworks; it writes only its own (drafts.server.ts, files.server.ts). Anything else is a 404.

const notFound = () => new Response("Not found", { status: 404 });

/** Versions a campaign may use: published, from the starter library or the territory's own. */
export async function listUsableFrameworkVersions(db: DbOrTrx, territoryId: string) {
  const rows = await db
    .selectFrom("framework_version as v")
    .innerJoin("framework as f", "f.id", "v.framework_id")
    .select(["v.id", "v.version_number", "v.definition", "f.territory_id", "f.slug"])
    .where("v.status", "=", "published")
    .where((eb) => eb.or([eb("f.territory_id", "is", null), eb("f.territory_id", "=", territoryId)]))
    .orderBy("f.territory_id", "desc")
    .orderBy("f.slug")
    .orderBy("v.version_number", "desc")
    .execute();
  return rows.map((row) => ({ id: row.id, versionNumber: row.version_number, isStarter: row.territory_id === null, slug: row.slug, definition: parseStoredDefinition(row.definition) }));
}

/** One version readable by the territory (starter or own), or undefined. */
export async function findFrameworkVersion(db: DbOrTrx, territoryId: string, versionId: string) {
  const row = await db
    .selectFrom("framework_version as v")
    .innerJoin("framework as f", "f.id", "v.framework_id")
    .select(["v.id", "v.framework_id", "v.version_number", "v.status", "v.definition"])
    .where("v.id", "=", versionId)
    .where((eb) => eb.or([eb("f.territory_id", "is", null), eb("f.territory_id", "=", territoryId)]))
    .executeTakeFirst();
  return row && { id: row.id, frameworkId: row.framework_id, versionNumber: row.version_number, status: row.status, definition: parseStoredDefinition(row.definition) };
}

export type FrameworkVersion = NonNullable<Awaited<ReturnType<typeof findFrameworkVersion>>>;

// Published versions never change (a trigger refuses it), so their parsed definition is kept
// in memory by version id: a survey screen or a submit does not re-read and re-parse the
// framework JSON. The owner is kept too, so the territory check still holds on a cache hit.
const publishedDefinitions = new Map<string, { territoryId: string | null; definition: Framework }>();

/** A version's definition, readable by the territory (starter or own); throws if there is none. */
export async function loadFrameworkDefinition(db: DbOrTrx, territoryId: string, versionId: string): Promise<Framework> {
  const cached = publishedDefinitions.get(versionId);
  if (cached && (cached.territoryId === null || cached.territoryId === territoryId)) return cached.definition;
  const row = await db
    .selectFrom("framework_version")
    .select(["definition", "status", "territory_id"])
    .where("id", "=", versionId)
    .where((eb) => eb.or([eb("territory_id", "is", null), eb("territory_id", "=", territoryId)]))
    .executeTakeFirstOrThrow();
  const definition = parseStoredDefinition(row.definition);
  if (row.status === "published") publishedDefinitions.set(versionId, { territoryId: row.territory_id, definition });
  return definition;
}

export type VersionSummary = { id: string; number: number; status: "draft" | "published"; publishedAt: string | null; createdAt: string; dimensions: number; indicators: number };

function summarize(v: { id: string; version_number: number; status: "draft" | "published"; published_at: string | null; created_at: string; definition: string }) {
  const definition = parseStoredDefinition(v.definition);
  const summary: VersionSummary = { id: v.id, number: v.version_number, status: v.status, publishedAt: v.published_at, createdAt: v.created_at, dimensions: definition.dimensions.length, indicators: definition.indicators.length };
  return { summary, definition };
}

/** The library: starter frameworks then the territory's own, each with its versions (newest first). */
export async function listFrameworkLibrary(db: DbOrTrx, territoryId: string) {
  const frameworks = await db
    .selectFrom("framework as f")
    .leftJoin("framework as parent", "parent.id", "f.forked_from_framework_id")
    .select(["f.id", "f.slug", "f.territory_id", "f.forked_from_framework_id", "parent.territory_id as parent_territory_id"])
    .where((eb) => eb.or([eb("f.territory_id", "is", null), eb("f.territory_id", "=", territoryId)]))
    .orderBy("f.territory_id", "desc")
    .orderBy("f.slug")
    .execute();
  const versions = await db
    .selectFrom("framework_version as v")
    .innerJoin("framework as f", "f.id", "v.framework_id")
    .select(["v.id", "v.framework_id", "v.version_number", "v.status", "v.published_at", "v.created_at", "v.definition"])
    .where((eb) => eb.or([eb("f.territory_id", "is", null), eb("f.territory_id", "=", territoryId)]))
    .orderBy("v.version_number", "desc")
    .execute();
  const byFramework = new Map<string, ReturnType<typeof summarize>[]>();
  for (const v of versions) {
    const list = byFramework.get(v.framework_id) ?? [];
    list.push(summarize(v));
    byFramework.set(v.framework_id, list);
  }
  const titles = new Map(frameworks.map((f) => [f.id, byFramework.get(f.id)?.[0]?.definition.title]));
  // A framework with no version readable here is left out.
  return frameworks.flatMap((f) => {
    const list = byFramework.get(f.id) ?? [];
    const latest = list[0]?.definition;
    if (!latest) return [];
    // A fork of another territory's framework never names it (tenants are sealed).
    const parentId = f.forked_from_framework_id;
    const parentReadable = parentId !== null && (f.parent_territory_id === null || f.parent_territory_id === territoryId);
    return {
      id: f.id,
      slug: f.slug,
      isStarter: f.territory_id === null,
      title: latest.title,
      description: latest.description,
      forkedFrom: parentReadable ? { id: parentId, title: titles.get(parentId) } : null,
      versions: list.map((v) => v.summary),
    };
  });
}

/** A framework readable by the territory, with every version's definition; 404 otherwise. */
export async function getFramework(db: DbOrTrx, territoryId: string, frameworkId: string) {
  const framework = await db
    .selectFrom("framework")
    .selectAll()
    .where("id", "=", frameworkId)
    .where((eb) => eb.or([eb("territory_id", "is", null), eb("territory_id", "=", territoryId)]))
    .executeTakeFirst();
  if (!framework) throw notFound();
  const rows = await db
    .selectFrom("framework_version")
    .select(["id", "version_number", "status", "published_at", "created_at", "definition"])
    .where("framework_id", "=", framework.id)
    .orderBy("version_number", "desc")
    .execute();
  if (rows.length === 0) throw notFound();
  const versions = rows.map((row) => {
    const definition = parseStoredDefinition(row.definition);
    // A draft may be unfinished (an empty dimension): the page lists what blocks its publication.
    const parsed = row.status === "draft" ? parseFrameworkFile(definition) : undefined;
    return { ...summarize(row).summary, definition, issues: parsed && !parsed.ok ? parsed.issues : [] };
  });
  let forkedFrom: { frameworkId: string; versionId: string; versionNumber: number; title: Framework["title"] } | null = null;
  if (framework.forked_from_version_id) {
    const parent = await db
      .selectFrom("framework_version as v")
      .innerJoin("framework as f", "f.id", "v.framework_id")
      .select(["f.id", "v.id as version_id", "v.version_number", "v.definition"])
      .where("v.id", "=", framework.forked_from_version_id)
      .where((eb) => eb.or([eb("f.territory_id", "is", null), eb("f.territory_id", "=", territoryId)]))
      .executeTakeFirst();
    if (parent) forkedFrom = { frameworkId: parent.id, versionId: parent.version_id, versionNumber: parent.version_number, title: parseStoredDefinition(parent.definition).title };
  }
  return { id: framework.id, slug: framework.slug, isStarter: framework.territory_id === null, forkedFrom, versions };
}

export type FrameworkDetail = Awaited<ReturnType<typeof getFramework>>;

/** Two versions to compare: any version of this framework or of the one it was forked from. */
export async function getComparableVersions(db: DbOrTrx, territoryId: string, frameworkId: string) {
  const framework = await getFramework(db, territoryId, frameworkId);
  const own = framework.versions.map((v) => ({ id: v.id, number: v.number, status: v.status, title: v.definition.title, isOrigin: false, definition: v.definition }));
  if (!framework.forkedFrom) return { framework, versions: own };
  const parent = await getFramework(db, territoryId, framework.forkedFrom.frameworkId);
  const origin = parent.versions.filter((v) => v.status === "published").map((v) => ({ id: v.id, number: v.number, status: v.status, title: v.definition.title, isOrigin: true, definition: v.definition }));
  return { framework, versions: [...own, ...origin] };
}

/**
 * The framework page: the framework, the version asked for (by number; the latest when none),
 * and the version a draft is compared with. 404 when either is not the territory's to read.
 */
export async function getFrameworkPage(db: DbOrTrx, territoryId: string, frameworkId: string, versionNumber: number | undefined | null) {
  const framework = await getFramework(db, territoryId, frameworkId);
  const version = versionNumber === undefined ? framework.versions[0] : framework.versions.find((v) => v.number === versionNumber);
  if (!version) throw new Response("Not found", { status: 404 });
  return {
    framework,
    version,
    hasDraft: framework.versions.some((v) => v.status === "draft"),
    latestPublished: framework.versions.find((v) => v.status === "published")?.id ?? null,
    diffAgainst: diffTarget(version, framework.versions, framework.forkedFrom),
  };
}
