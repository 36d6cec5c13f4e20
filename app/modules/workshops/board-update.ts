import { z } from "zod";
import { VOTE_STATES } from "../../../db/schema";

// What the board's browser reads from the stream or the poll: parsed, never trusted as is.
const text = z.object({ fr: z.string(), en: z.string() });

export const boardUpdateSchema = z.object({
  joined: z.number(),
  position: z.number(),
  indicatorCount: z.number(),
  voteState: z.enum(VOTE_STATES),
  votes: z.number(),
  indicator: z.object({ id: z.string(), label: text, question: text }).nullable(),
  distribution: z.union([
    z.object({ isShown: z.literal(true), counts: z.array(z.object({ value: z.string(), count: z.number() })) }),
    z.object({ isShown: z.literal(false), missing: z.number() }),
  ]),
});
export type BoardUpdate = z.infer<typeof boardUpdateSchema>;
