import { z } from "zod";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "errors.dateInvalid");

/** What may still be corrected once a campaign is open: its wording and its dates. */
const wordingFields = {
  title: z.string({ error: "errors.titleRequired" }).trim().min(3, "errors.titleRequired").max(120, "errors.titleRequired"),
  description: z.string().trim().max(2000).default(""),
  opensOn: day.optional(),
  closesOn: day.optional(),
};

/** Everything a draft campaign is made of. */
const campaignFields = {
  ...wordingFields,
  frameworkVersionId: z.string({ error: "errors.chooseOne" }).min(1, "errors.chooseOne"),
  projectIds: z.array(z.string(), { error: "errors.chooseProjects" }).min(1, "errors.chooseProjects"),
  groupIds: z.array(z.string(), { error: "errors.chooseGroups" }).min(1, "errors.chooseGroups"),
  isAnonymous: z.boolean().default(false),
  k: z.number({ error: "errors.kTooSmall" }).int("errors.kTooSmall").min(3, "errors.kTooSmall").max(50, "errors.kTooSmall").default(5),
  neighbourhoods: z.string().max(4000).default(""),
  /** The group × project grid (group-projects.ts): the pairs it showed, and those left ticked. */
  shown: z.array(z.string().max(200)).max(2000).default([]),
  asked: z.array(z.string().max(200)).max(2000).default([]),
};

/** The fields the database freezes once the campaign opens (migration 0003's triggers). */
export const FROZEN_ONCE_OPEN = ["frameworkVersionId", "projectIds", "groupIds", "isAnonymous", "k", "neighbourhoods", "shown", "asked"] as const;

const datesInOrder = (v: { opensOn?: string; closesOn?: string }) => !v.opensOn || !v.closesOn || v.closesOn > v.opensOn;
// A function, not a shared object: zod rewrites the params object it is given.
const datesOrderIssue = () => ({ path: ["closesOn"], message: "errors.datesOrder" });

/** The campaign form; error messages are i18n keys, translated where the form is shown. */
export const campaignFormSchema = z.object(campaignFields).refine(datesInOrder, datesOrderIssue());

/** The grid is optional: creation (and the seed) leave it out, so every group is asked everything. */
export type CampaignInput = Omit<z.infer<typeof campaignFormSchema>, "shown" | "asked"> & { shown?: string[]; asked?: string[] };

/**
 * The edit form: `scope=all` is the creation form (a draft), `scope=wording` only title,
 * description and dates (open or later). A wording post that names a frozen field is refused
 * as a whole rather than half applied.
 */
export const campaignEditSchema = z
  .discriminatedUnion("scope", [z.object({ scope: z.literal("all"), ...campaignFields }), z.looseObject({ scope: z.literal("wording"), ...wordingFields })])
  .superRefine((value, ctx) => {
    if (value.scope === "wording" && FROZEN_ONCE_OPEN.some((field) => field in value)) ctx.addIssue({ code: "custom", path: [], message: "campaigns.edit.frozen" });
    if (!datesInOrder(value)) ctx.addIssue({ code: "custom", ...datesOrderIssue() });
  });

export type CampaignWording = Pick<CampaignInput, "title" | "description" | "opensOn" | "closesOn">;
export type CampaignEditInput = ({ scope: "all" } & CampaignInput) | ({ scope: "wording" } & CampaignWording);

/** « Nord\n Centre-ville \n\nNord » → ["Nord", "Centre-ville"]. */
export function parseNeighbourhoods(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean))].slice(0, 50);
}
