// Which version a draft is compared with, decided here only: the framework page and the editor
// both link to that comparison.

export type DiffTarget = { versionId: string; number: number; isOrigin: boolean };
type VersionSummary = { id: string; number: number; status: "draft" | "published" };

/**
 * A draft is compared with the last published version before it, or else with the version of
 * the framework it adapts; a published version with nothing (null).
 */
export function diffTarget(version: { number: number; status: "draft" | "published" }, versions: readonly VersionSummary[], forkedFrom: { versionId: string; versionNumber: number } | null): DiffTarget | null {
  if (version.status !== "draft") return null;
  const previous = versions.filter((v) => v.status === "published" && v.number < version.number).sort((a, b) => b.number - a.number)[0];
  if (previous) return { versionId: previous.id, number: previous.number, isOrigin: false };
  return forkedFrom ? { versionId: forkedFrom.versionId, number: forkedFrom.versionNumber, isOrigin: true } : null;
}
