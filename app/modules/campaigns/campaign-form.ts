import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "errors.dateInvalid");

/** The campaign form; error messages are i18n keys, translated where the form is shown. */
export const campaignFormSchema = z
  .object({
    title: z.string({ error: "errors.titleRequired" }).trim().min(3, "errors.titleRequired").max(120, "errors.titleRequired"),
    description: z.string().trim().max(2000).default(""),
    frameworkVersionId: z.string({ error: "errors.chooseOne" }).min(1, "errors.chooseOne"),
    projectIds: z.array(z.string(), { error: "errors.chooseProjects" }).min(1, "errors.chooseProjects"),
    groupIds: z.array(z.string(), { error: "errors.chooseGroups" }).min(1, "errors.chooseGroups"),
    opensOn: day.optional(),
    closesOn: day.optional(),
    isAnonymous: z.boolean().default(false),
    k: z.number({ error: "errors.kTooSmall" }).int("errors.kTooSmall").min(3, "errors.kTooSmall").max(50, "errors.kTooSmall").default(5),
    neighbourhoods: z.string().max(4000).default(""),
  })
  .refine((v) => !v.opensOn || !v.closesOn || v.closesOn > v.opensOn, { path: ["closesOn"], message: "errors.datesOrder" });

export type CampaignInput = z.infer<typeof campaignFormSchema>;

/** « Nord\n Centre-ville \n\nNord » → ["Nord", "Centre-ville"]. */
export function parseNeighbourhoods(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))].slice(0, 50);
}
