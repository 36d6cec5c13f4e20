import { z } from "zod";

export const projectFormSchema = z.object({
  name: z.string({ error: "errors.nameRequired" }).trim().min(2, "errors.nameRequired").max(120, "errors.nameRequired"),
  description: z.string().trim().max(2000).default(""),
  associationId: z.string().optional(),
});
