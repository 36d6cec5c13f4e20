import { z } from "zod";
import { POSITION_KINDS } from "../../../db/schema";

/**
 * The figures a finding is built on, stored as JSON with it and copied into the published
 * snapshot. Everything here is already masked (DESIGN.md §4): a hidden figure carries no
 * number at all, only that it is hidden.
 */
const localized = z.object({ fr: z.string(), en: z.string() });
export const maskedScoreSchema = z.union([
  z.object({ hidden: z.literal(false), score: z.number(), low: z.number().nullable(), high: z.number().nullable() }),
  z.object({ hidden: z.literal(true) }),
]);
export type MaskedScore = z.infer<typeof maskedScoreSchema>;

export const findingFiguresSchema = z.object({
  /** Headline dimension score: each shown group weighs the same; null when nothing is scored. */
  score: maskedScoreSchema.nullable(),
  groups: z.array(z.object({ groupId: z.string(), score: maskedScoreSchema.nullable() })),
  indicators: z.array(
    z.object({
      indicatorId: z.string(),
      label: localized,
      result: z.union([z.object({ hidden: z.literal(false), n: z.number(), dontKnow: z.number(), mean: z.number().nullable(), score: z.number().nullable() }), z.object({ hidden: z.literal(true) })]),
    }),
  ),
  /** The widest gap between two shown groups' scores when it reaches DIVERGENCE_POINTS. */
  divergence: z.object({ highGroupId: z.string(), lowGroupId: z.string(), gap: z.number() }).nullable(),
  /** Moderated stories told in workshops, only those the workshops area says may be published. */
  stories: z.array(z.object({ text: z.string(), source: z.string() })),
  /** The workshops' collective positions on this dimension's indicators, with the minority view. */
  workshopPositions: z
    .array(z.object({ indicatorId: z.string(), label: localized, kind: z.enum(POSITION_KINDS), reasoning: z.string(), minorityView: z.string().nullable() }))
    .default([]),
  /**
   * Figures the project's carriers reported and the rates computed from them, against the
   * framework's baseline and target. A rate over fewer than k people is hidden (no value, no
   * progress); a figure not reported has a null value.
   */
  reported: z
    .array(
      z.object({
        indicatorId: z.string(),
        label: localized,
        kind: z.enum(["reported", "computed"]),
        unit: localized.nullable(),
        baseline: z.number().nullable(),
        target: z.number().nullable(),
        result: z.union([z.object({ hidden: z.literal(false), value: z.number().nullable(), progress: z.number().nullable() }), z.object({ hidden: z.literal(true) })]),
      }),
    )
    .default([]),
});
export type FindingFigures = z.infer<typeof findingFiguresSchema>;

export function parseFindingFigures(json: string): FindingFigures {
  return findingFiguresSchema.parse(JSON.parse(json));
}

/** A gap of this many points (0–100) between two groups is a finding of its own (DESIGN.md §6). */
export const DIVERGENCE_POINTS = 15;
