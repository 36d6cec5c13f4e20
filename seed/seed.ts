import type { Db } from "../db/connection";
import { parseStoredDefinition } from "../app/modules/frameworks/stored-definition";
import { installStarterFrameworks } from "../app/modules/frameworks/starter.server";
import { hashPassword } from "../app/modules/accounts/password.server";
import { createCampaign, transitionCampaign } from "../app/modules/campaigns/campaigns.server";
import { groupProjectKey } from "../app/modules/campaigns/group-projects";
import { campaignInvitations } from "../app/modules/invitations/campaign-invitations.server";
import { publicEvaluationPath } from "../app/modules/review/publish.server";
import { seedDemoEvaluation } from "./demo-evaluation";
import { listUsableFrameworkVersions } from "../app/modules/frameworks/frameworks.server";
import { questionIndicators } from "../app/modules/frameworks/indicators";
import { writeReportedFigure } from "../app/modules/results/reported-figures-store.server";
import { newId } from "../app/lib/ids";
import { addDays, nowIso, todayInFrance } from "../app/lib/time";
import { seedDemoResponses } from "./demo-responses";
import { seedDemoWorkshop } from "./demo-workshop";

const dayFromToday = (days: number) => todayInFrance(new Date(addDays(nowIso(), days)));

export const DEMO = {
  territorySlug: "commune-de-demo",
  territoryName: "Commune de Démo",
  admin: { email: "elu@demo.fr", password: "demo-demo-demo", name: "Camille Martin (élue ESS)" },
  association: { email: "asso@demo.fr", password: "demo-demo-demo", name: "Karim Benali (Ressourcerie du Nord)" },
} as const;

const ASSOCIATIONS = [
  { key: "ressourcerie", name: "Ressourcerie du Nord", kind: "siae", description: "Atelier et chantier d'insertion : collecte, réemploi et vente d'objets, sensibilisation au zéro déchet." },
  { key: "mobilite", name: "Garage solidaire Roule Ensemble", kind: "association", description: "Réparation à prix solidaire, location de véhicules et accompagnement à la mobilité vers l'emploi." },
  { key: "tiers-lieu", name: "SCIC La Fabrique commune", kind: "scic", description: "Coopérative qui anime un tiers-lieu : ateliers partagés, café associatif, permanences emploi." },
] as const;

const PROJECTS = [
  { association: "ressourcerie", name: "Ressourcerie du Nord", description: "Réemploi et économie circulaire au quartier Nord ; 12 salarié·es en parcours d'insertion." },
  { association: "ressourcerie", name: "Chantier d'insertion espaces verts", description: "Entretien des espaces verts communaux par une équipe en parcours d'insertion." },
  { association: null, name: "Clauses sociales dans les marchés publics 2025", description: "Heures d'insertion réservées dans les marchés de travaux et de services de la commune." },
  { association: "mobilite", name: "Garage solidaire et mobilité inclusive", description: "Lever le frein de la mobilité pour l'accès à l'emploi et aux services." },
  { association: "tiers-lieu", name: "Tiers-lieu La Fabrique", description: "Lieu partagé pour entreprendre, se former et se rencontrer." },
] as const;

/**
 * Seeds the demo territory if it does not exist yet; returns whether it created it. With
 * `withResponses` (`npm start`; tests count their own), the open demo campaign gets sample
 * answers and a closed campaign of last year, with its answers, gives results to read.
 */
export async function seedDemoTerritory(db: Db, options: { withResponses?: boolean } = {}): Promise<boolean> {
  await installStarterFrameworks(db);
  const existing = await db.selectFrom("territory").select("id").where("slug", "=", DEMO.territorySlug).executeTakeFirst();
  if (existing) return false;
  const createdAt = nowIso();
  let adminId = "";
  let associationUserId = "";
  let territoryId = "";
  const [adminHash, associationHash] = await Promise.all([hashPassword(DEMO.admin.password), hashPassword(DEMO.association.password)]);
  const associationIds = new Map<string, string>();
  await db.transaction().execute(async (trx) => {
    territoryId = newId();
    await trx.insertInto("territory").values({ id: territoryId, slug: DEMO.territorySlug, name: DEMO.territoryName, kind: "commune", created_at: createdAt }).execute();
    for (const a of ASSOCIATIONS) {
      const id = newId();
      associationIds.set(a.key, id);
      await trx.insertInto("association").values({ id, territory_id: territoryId, name: a.name, kind: a.kind, description: a.description, created_at: createdAt }).execute();
    }
    for (const p of PROJECTS) {
      await trx
        .insertInto("project")
        .values({ id: newId(), territory_id: territoryId, association_id: p.association ? associationIds.get(p.association)! : null, name: p.name, description: p.description, created_at: createdAt })
        .execute();
    }
    const users = [
      { ...DEMO.admin, hash: adminHash, role: "admin" as const, associationId: null },
      { ...DEMO.association, hash: associationHash, role: "association_member" as const, associationId: associationIds.get("ressourcerie")! },
    ];
    for (const u of users) {
      const userId = newId();
      if (u.role === "admin") adminId = userId;
      else associationUserId = userId;
      await trx.insertInto("user").values({ id: userId, email: u.email, display_name: u.name, password_hash: u.hash, created_at: createdAt }).execute();
      await trx.insertInto("membership").values({ id: newId(), territory_id: territoryId, user_id: userId, role: u.role, association_id: u.associationId, created_at: createdAt }).execute();
    }
  });
  const actor = { territoryId, userId: adminId };
  // Last year's campaign first (the campaign list shows the newest first): closed, so its
  // results can be read; this year's stays open, so people can answer and follow participation.
  if (options.withResponses) {
    const pastId = await seedDemoCampaign(db, actor, PAST_CAMPAIGN);
    if (pastId) {
      await seedDemoResponses(db, territoryId, pastId, PAST_CAMPAIGN.sample);
      await transitionCampaign(db, actor, pastId, "closed", campaignInvitations);
      await seedDemoFigures(db, actor, pastId);
      await seedDemoEvaluation(db, actor, { territoryId, userId: associationUserId, associationId: associationIds.get("ressourcerie") ?? null }, pastId);
    }
  }
  const campaignId = await seedDemoCampaign(db, actor, OPEN_CAMPAIGN);
  if (campaignId && options.withResponses) {
    await seedDemoResponses(db, territoryId, campaignId, OPEN_CAMPAIGN.sample);
    await seedDemoWorkshop(db, territoryId, campaignId);
  }
  return true;
}

const DESCRIPTION =
  "La commune et ses partenaires veulent savoir ce que ces projets changent pour vous. Vos réponses sont anonymes et serviront à améliorer les projets, pas à les juger.";

/** This year's campaign, open: a survey to answer straight after `npm start`, and participation to follow. */
const OPEN_CAMPAIGN = {
  title: "Évaluation 2026 : ressourcerie et clauses sociales",
  opensOn: dayFromToday(-7),
  closesOn: dayFromToday(21),
  // The council stays under k = 5 on purpose: participation flags it.
  sample: { seed: 2026, respondents: { residents: 26, beneficiaries: 8, associations: 6, council: 3 }, lastDay: todayInFrance(), days: 7 },
};

/**
 * Last year's campaign on the same projects, closed: results to read. Most groups pass k = 5;
 * the council (3 people) stays under it, so its figures are masked (and, by complementary
 * suppression, the next smallest group's where a total is shown).
 */
const PAST_CAMPAIGN = {
  title: "Évaluation 2025 : ressourcerie et clauses sociales",
  opensOn: "2025-03-03",
  closesOn: "2025-04-30",
  sample: { seed: 2025, respondents: { residents: 34, beneficiaries: 12, associations: 9, council: 3 }, lastDay: "2025-04-28", days: 50 },
};

/**
 * Who can judge what, as a council would set the campaign's grid: residents know the
 * ressourcerie (they bring and buy objects there) but cannot judge the social clauses of public
 * contracts, so they are asked about the ressourcerie only (1 + 12 screens). People in insertion,
 * associations and the council are asked about both.
 */
const NOT_ASKED: readonly { groupId: string; projectPrefix: string }[] = [{ groupId: "residents", projectPrefix: "Clauses" }];

/** A demo campaign on the ressourcerie and the social clauses, opened. */
async function seedDemoCampaign(db: Db, actor: { territoryId: string; userId: string }, plan: { title: string; opensOn: string; closesOn: string }): Promise<string | undefined> {
  const versions = await listUsableFrameworkVersions(db, actor.territoryId);
  const version = versions.find((v) => v.slug === "utilite-sociale-territoriale") ?? versions[0];
  if (!version) return undefined;
  const projects = await db.selectFrom("project").select(["id", "name"]).where("territory_id", "=", actor.territoryId).orderBy("name").execute();
  const chosen = projects.filter((p) => p.name.startsWith("Ressourcerie") || p.name.startsWith("Clauses"));
  const groupIds = version.definition.stakeholderGroups.map((g) => g.id).filter((id) => questionIndicators(version.definition, [id]).length > 0);
  // The edit form's grid, as posted: the pairs shown and left unticked are not asked.
  const notAsked = NOT_ASKED.flatMap(({ groupId, projectPrefix }) => chosen.filter((p) => p.name.startsWith(projectPrefix)).map((p) => groupProjectKey({ groupId, projectId: p.id })));
  const created = await createCampaign(db, actor, {
    title: plan.title,
    description: DESCRIPTION,
    frameworkVersionId: version.id,
    projectIds: chosen.map((p) => p.id),
    groupIds,
    opensOn: plan.opensOn,
    closesOn: plan.closesOn,
    isAnonymous: true,
    k: 5,
    neighbourhoods: "Quartier Nord\nCentre-ville\nLes Hauts",
    shown: notAsked,
    asked: [],
  }, campaignInvitations);
  if (!created.ok) return undefined;
  await transitionCampaign(db, actor, created.id, "open", campaignInvitations);
  return created.id;
}

/** What the start-up message prints: demo sign-ins and the demo campaign's open survey links. */
export async function demoSummary(path: string) {
  const { createDb } = await import("../db/connection");
  const { db } = createDb(path);
  try {
    const links = await db
      .selectFrom("invitation as i")
      .innerJoin("campaign as c", "c.id", "i.campaign_id")
      .innerJoin("territory as t", "t.id", "c.territory_id")
      .innerJoin("framework_version as v", "v.id", "c.framework_version_id")
      .select(["i.code", "i.group_id", "v.definition"])
      .where("t.slug", "=", DEMO.territorySlug)
      .where("i.kind", "=", "open_link")
      .where("c.state", "=", "open")
      .orderBy("c.created_at")
      .execute();
    // The terminal speaks French, like the app's first screen: « habitant·es », not "residents".
    // The framework's order puts residents first, the link most people want.
    const surveyLinks = links
      .map((l) => {
        const groups = parseStoredDefinition(l.definition).stakeholderGroups;
        const index = groups.findIndex((g) => g.id === l.group_id);
        return { group: groups[index]?.label.fr ?? l.group_id, code: l.code, index };
      })
      .sort((a, b) => a.index - b.index)
      .map(({ group, code }) => ({ group, code }));
    const published = await db
      .selectFrom("evaluation as e")
      .innerJoin("territory as t", "t.id", "e.territory_id")
      .select(["e.id", "t.slug"])
      .where("t.slug", "=", DEMO.territorySlug)
      .where("e.state", "=", "published")
      .executeTakeFirst();
    const publishedPath = published ? publicEvaluationPath(published.slug, published.id) : null;
    return { admin: DEMO.admin, association: DEMO.association, surveyLinks, publishedPath };
  } finally {
    await db.destroy();
  }
}

/**
 * The ressourcerie's reported figures for last year's closed campaign, so its results page
 * shows computed rates (% sorties dynamiques, diversion rate, share of local jobs) against
 * their targets. The four exit categories add up to the number who left.
 */
const DEMO_FIGURES: Record<string, number> = {
  sorties_nombre: 12,
  sorties_emploi_durable: 3,
  sorties_emploi_transition: 4,
  sorties_positives: 2,
  sorties_autres: 3,
  env_tonnes_collectees: 180,
  env_tonnes_reemployees: 95,
  env_tonnes_recyclees: 50,
  dl_emplois_etp: 9,
  dl_emplois_locaux: 7.5,
  public_personnes: 40,
  public_part_rsa: 45,
  public_part_femmes: 38,
};

async function seedDemoFigures(db: Db, actor: { territoryId: string; userId: string }, campaignId: string): Promise<void> {
  const project = await db.selectFrom("project").select("id").where("territory_id", "=", actor.territoryId).where("name", "like", "Ressourcerie%").executeTakeFirst();
  if (!project) return;
  for (const [indicatorId, value] of Object.entries(DEMO_FIGURES)) {
    await writeReportedFigure(db, { territoryId: actor.territoryId, campaignId, projectId: project.id, indicatorId, value, sourceNote: "Bilan annuel 2025 de la ressourcerie", userId: actor.userId, at: "2025-05-15T09:00:00.000Z" });
  }
}
