// TEMPORARY STUB written by the lead so the app builds; the framework helper replaces this file.
import { z } from "zod";
const L = z.object({ fr: z.string().min(1), en: z.string().min(1) });
const scale = z.discriminatedUnion("type", [
  z.object({ id: z.string(), type: z.literal("likert"), points: z.literal(5), labels: z.array(L) }),
  z.object({ id: z.string(), type: z.literal("rating"), min: z.number(), max: z.number(), minLabel: L, maxLabel: L }),
  z.object({ id: z.string(), type: z.literal("yes_no") }),
  z.object({ id: z.string(), type: z.literal("choice"), multiple: z.boolean(), options: z.array(z.object({ value: z.string(), label: L, score: z.number().optional() })) }),
  z.object({ id: z.string(), type: z.literal("number"), unit: L, min: z.number(), max: z.number(), integer: z.boolean() }),
  z.object({ id: z.string(), type: z.literal("text"), maxLength: z.number() }),
]);
export const frameworkSchema = z.object({
  $schema: z.string().optional(), id: z.string(), version: z.string(), locales: z.array(z.enum(["fr", "en"])), title: L, description: L,
  sources: z.array(z.object({ id: z.string(), title: z.string(), publisher: z.string(), year: z.number(), url: z.string().optional() })),
  stakeholderGroups: z.array(z.object({ id: z.string(), label: L, description: L.optional() })),
  scales: z.array(scale),
  dimensions: z.array(z.object({ id: z.string(), label: L, description: L, weight: z.number() })),
  indicators: z.array(z.object({ id: z.string(), dimension: z.string(), level: z.enum(["realisation", "resultat", "impact"]), kind: z.enum(["question", "reported_figure"]), label: L, question: L, help: L.optional(), scale: z.string(), polarity: z.enum(["positive", "negative"]), audiences: z.array(z.string()), required: z.boolean(), weight: z.number(), baseline: z.number().optional(), target: z.number().optional(), minN: z.number().optional(), sources: z.array(z.string()) })),
  scoring: z.object({ method: z.literal("weighted_mean"), scale: z.literal("0-100"), dontKnow: z.literal("excluded") }),
  privacy: z.object({ k: z.number(), kFreeText: z.number() }),
});
export type Framework = z.infer<typeof frameworkSchema>;
export type FrameworkIssue = { path: string; message: { fr: string; en: string } };
export function parseFrameworkFile(data: unknown): { ok: true; framework: Framework } | { ok: false; issues: FrameworkIssue[] } {
  const r = frameworkSchema.safeParse(data);
  return r.success ? { ok: true, framework: r.data } : { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.join("."), message: { fr: i.message, en: i.message } })) };
}
