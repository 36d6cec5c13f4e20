import { z } from "zod";
import { POSITION_KINDS } from "../../../db/schema";

const list = z.preprocess((v) => (Array.isArray(v) ? v : v === undefined || v === "" ? [] : [v]), z.array(z.string()));

export const workshopFormSchema = z.object({
  heldOn: z.string({ error: "workshops.errors.heldOn" }).regex(/^\d{4}-\d{2}-\d{2}$/, "workshops.errors.heldOn"),
  place: z.string({ error: "workshops.errors.place" }).trim().min(1, "workshops.errors.place").max(200, "workshops.errors.place"),
  projectId: z.string({ error: "workshops.errors.project" }).min(1, "workshops.errors.project"),
  groupIds: list.pipe(z.array(z.string()).min(1, "workshops.errors.groups")),
  indicatorIds: list.pipe(z.array(z.string()).min(1, "workshops.errors.indicators")),
});
export type WorkshopInput = z.infer<typeof workshopFormSchema>;

export const CONTROL_ACTIONS = ["open", "close", "next", "previous"] as const;
export type ControlAction = (typeof CONTROL_ACTIONS)[number];

export const positionFormSchema = z.object({
  indicatorId: z.string().min(1),
  kind: z.enum(POSITION_KINDS, { error: "workshops.errors.positionKind" }),
  reasoning: z.string({ error: "workshops.errors.reasoning" }).trim().min(1, "workshops.errors.reasoning").max(4000, "workshops.errors.reasoning"),
  minorityView: z.string().trim().max(4000).optional(),
});

export const storyFormSchema = z.object({
  text: z.string({ error: "workshops.errors.storyText" }).trim().min(1, "workshops.errors.storyText").max(4000, "workshops.errors.storyText"),
  dimensionId: z.string({ error: "workshops.errors.dimension" }).min(1, "workshops.errors.dimension"),
  groupId: z.string({ error: "workshops.errors.group" }).min(1, "workshops.errors.group"),
  consent: z.literal("on", { error: "workshops.errors.consent" }),
});

export const MODERATION_ACTIONS = ["approve", "reject", "anonymise"] as const;
export const moderationFormSchema = z.object({
  storyId: z.string().min(1),
  decision: z.enum(MODERATION_ACTIONS),
  text: z.string().trim().max(4000).optional(),
});
export type ModerationInput = z.infer<typeof moderationFormSchema>;
