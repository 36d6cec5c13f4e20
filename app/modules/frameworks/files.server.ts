// A framework travels as the same JSON file as the starter library (evaluation-frameworks/),
// checked by the same parseFrameworkFile. Import writes nothing unless the whole file is valid.
//
// Import: a file whose id is one of the territory's own frameworks becomes that framework's next
// draft version (so a framework edited by hand and re-imported keeps its history and its diff);
// any other id becomes a new framework of the territory, as draft v1.
import type { Db, DbOrTrx } from "../../../db/connection";
import { check } from "../../../evaluation-frameworks/rules";
import { type Framework, type FrameworkIssue, parseFrameworkFile } from "../../../evaluation-frameworks/schema";
import { newId } from "../../lib/ids";
import { nowIso } from "../../lib/time";
import { logAudit } from "../audit/audit.server";
import type { Failure, Message, Result } from "../failure";
import { type Actor, insertOwnFramework, versionLabel } from "./drafts.server";
import { getFramework } from "./frameworks.server";

/** Largest file accepted: the starter files weigh about 30 kB. */
export const MAX_FRAMEWORK_FILE_BYTES = 1_000_000;

/** A version as a file: `<id>.json`, "$schema" first so editors validate it. */
export async function exportFrameworkVersion(db: DbOrTrx, territoryId: string, frameworkId: string, versionNumber?: number) {
  const framework = await getFramework(db, territoryId, frameworkId);
  const version = versionNumber === undefined ? framework.versions[0] : framework.versions.find((v) => v.number === versionNumber);
  if (!version) throw new Response("Not found", { status: 404 });
  const { $schema: _ignored, ...rest } = version.definition;
  void _ignored;
  return { filename: `${version.definition.id}.json`, text: `${JSON.stringify({ $schema: "./framework.schema.json", ...rest }, null, 2)}\n` };
}

export type ImportResult = Result<{ frameworkId: string; versionNumber: number }>;

/** Every problem of the file, each with where it is, above the import form. */
function importFailure(issues: readonly FrameworkIssue[]): Failure {
  return { ok: false, fieldErrors: {}, formErrors: issues.map((i): Message => (i.path ? { key: "frameworks.import.issueAt", params: { path: i.path, message: i.message } } : { key: "frameworks.import.issueInFile", params: { message: i.message } })) };
}

/** Reads the file's text: JSON errors and every schema issue come back, with nothing written. */
export function parseFrameworkText(text: string): { ok: true; framework: Framework } | { ok: false; issues: FrameworkIssue[] } {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      issues: [
        {
          path: "",
          message: check("importNotJson", { detail }),
        },
      ],
    };
  }
  return parseFrameworkFile(data);
}

export async function importFrameworkFile(db: Db, actor: Actor, text: string): Promise<ImportResult> {
  const parsed = parseFrameworkText(text);
  if (!parsed.ok) return importFailure(parsed.issues);
  return db.transaction().execute(async (trx) => {
    const own = await trx.selectFrom("framework").select("id").where("territory_id", "=", actor.territoryId).where("slug", "=", parsed.framework.id).executeTakeFirst();
    if (!own) {
      const definition = { ...parsed.framework, version: versionLabel(1) };
      const frameworkId = await insertOwnFramework(trx, actor, definition, null);
      return { ok: true as const, frameworkId, versionNumber: 1 };
    }
    const versions = await trx.selectFrom("framework_version").select(["version_number", "status"]).where("framework_id", "=", own.id).where("territory_id", "=", actor.territoryId).execute();
    if (versions.some((v) => v.status === "draft")) {
      return importFailure([
        {
          path: "id",
          message: check("draftInProgress", { id: parsed.framework.id }),
        },
      ]);
    }
    const versionNumber = Math.max(0, ...versions.map((v) => v.version_number)) + 1;
    const id = newId();
    await trx
      .insertInto("framework_version")
      .values({ id, framework_id: own.id, territory_id: actor.territoryId, version_number: versionNumber, status: "draft", definition: JSON.stringify({ ...parsed.framework, version: versionLabel(versionNumber) }), created_at: nowIso(), published_at: null })
      .execute();
    await logAudit(trx, { territoryId: actor.territoryId, actorUserId: actor.userId, entityType: "framework_version", entityId: id, action: "imported", toState: "draft" });
    return { ok: true as const, frameworkId: own.id, versionNumber };
  });
}
