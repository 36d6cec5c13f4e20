import { z } from "zod";
import { REVIEW_POSITIONS } from "../../../db/schema";
import { findingFiguresSchema } from "./figures";

/**
 * What a published evaluation shows, frozen at publication (the evaluation row's `snapshot`):
 * the public page, its print and the open data are all read from this and nothing else, so
 * they cannot drift from one another nor show anything unpublished. Every figure in it is
 * already masked. `schemaVersion` follows the open-data schema of the README.
 */
const localized = z.object({ fr: z.string(), en: z.string() });

export const SNAPSHOT_VERSION = 1;

export const snapshotSchema = z.object({
  schemaVersion: z.literal(SNAPSHOT_VERSION),
  evaluationId: z.string(),
  territory: z.object({ slug: z.string(), name: z.string() }),
  campaign: z.object({ title: z.string(), description: z.string(), opensOn: z.string().nullable(), closesOn: z.string().nullable(), k: z.number(), isAnonymous: z.boolean() }),
  framework: z.object({
    title: localized,
    version: z.string(),
    // The number councils read everywhere (« version 2 »); absent from snapshots published before it.
    versionNumber: z.number().int().optional(),
    sources: z.array(z.object({ title: z.string(), publisher: z.string(), year: z.number(), url: z.string().nullable() })),
    scoring: localized.nullable(),
    limits: localized.nullable(),
  }),
  summary: z.string(),
  dates: z.object({ reviewOpenedAt: z.string().nullable(), reviewClosedAt: z.string().nullable(), publishedAt: z.string() }),
  groups: z.array(z.object({ id: z.string(), label: localized })),
  dimensions: z.array(z.object({ id: z.string(), label: localized })),
  projects: z.array(z.object({ id: z.string(), name: z.string() })),
  /** Who was invited and who answered, per group and source (counts only). */
  participation: z.array(z.object({ groupId: z.string(), source: z.string(), invited: z.number(), responses: z.number() })),
  findings: z.array(
    z.object({
      id: z.string(),
      projectId: z.string(),
      dimensionId: z.string(),
      title: z.string(),
      body: z.string(),
      figures: findingFiguresSchema,
      positions: z.array(z.object({ association: z.string().nullable(), position: z.enum(REVIEW_POSITIONS), reason: z.string(), rewording: z.string().nullable() })),
      answer: z.object({ response: z.string(), answeredAt: z.string() }).nullable(),
      commitments: z.array(z.object({ what: z.string(), who: z.string(), dueOn: z.string().nullable() })),
    }),
  ),
  /** « Ce qui avait été promis / ce qui a été fait »: earlier commitments on the same projects. */
  carriedCommitments: z.array(z.object({ projectId: z.string(), what: z.string(), who: z.string(), dueOn: z.string().nullable(), outcome: z.string().nullable() })),
});
export type Snapshot = z.infer<typeof snapshotSchema>;

export function parseSnapshot(json: string): Snapshot {
  return snapshotSchema.parse(JSON.parse(json));
}
