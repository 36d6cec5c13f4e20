/**
 * Reported figures of a campaign's project: who may enter them (council editors, and members
 * of the association that carries the project), when (campaign open or closed; frozen once in
 * review or published), and the form's reading and saving. Another territory's campaign, a
 * project outside the campaign and a project another association carries all answer 404.
 */
import type { Db } from "../../../db/connection";
import type { CampaignState, Role } from "../../../db/schema";
import { COUNCIL_EDITORS } from "../accounts/roles";
import { getCampaignScope } from "../campaigns/campaigns.server";
import { type Failure, formFailure } from "../failure";
import { projectAssociations } from "../projects/projects.server";
import { nowIso } from "../../lib/time";
import { type FigureField, parseFigureForm, typedValues } from "./figure-form";
import { listReportedFigures, writeReportedFigure } from "./reported-figures-store.server";

export type FigureEditor = { territoryId: string; userId: string; role: Role; associationId: string | null };

const EDITABLE_STATES = ["open", "closed"] as const satisfies readonly CampaignState[];

export function figuresEditable(state: CampaignState): boolean {
  return EDITABLE_STATES.some((s) => s === state);
}

function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

/** The projects of the campaign this member may enter figures for. */
async function editableProjects(db: Db, editor: FigureEditor, projects: readonly { id: string; name: string }[]) {
  if (COUNCIL_EDITORS.includes(editor.role)) return [...projects];
  if (editor.role !== "association_member" || editor.associationId === null) return [];
  const carriers = await projectAssociations(db, editor.territoryId, projects.map((p) => p.id));
  return projects.filter((p) => carriers.get(p.id) === editor.associationId);
}

/** The campaign's projects whose figures this member may enter (for the results page's links). */
export async function listFigureProjects(db: Db, editor: FigureEditor, campaignId: string) {
  const scope = await getCampaignScope(db, editor.territoryId, campaignId);
  const projects = await editableProjects(db, editor, scope.projects);
  return { editable: figuresEditable(scope.campaign.state), projects: projects.map((p) => ({ id: p.id, name: p.name })) };
}

async function figureScope(db: Db, editor: FigureEditor, campaignId: string, projectId: string) {
  const scope = await getCampaignScope(db, editor.territoryId, campaignId);
  const project = (await editableProjects(db, editor, scope.projects)).find((p) => p.id === projectId);
  if (!project) throw notFound();
  const framework = scope.framework.definition;
  const scales = new Map(framework.scales.map((s) => [s.id, s]));
  const indicators = framework.indicators.flatMap((indicator) => {
    const scale = scales.get(indicator.scale);
    return indicator.kind === "reported_figure" && scale?.type === "number" ? [{ indicator, scale }] : [];
  });
  return { campaign: scope.campaign, project, indicators };
}

/** What the form shows: each figure with its unit, help, current value and who entered it when. */
export async function getFigureForm(db: Db, editor: FigureEditor, campaignId: string, projectId: string) {
  const { campaign, project, indicators } = await figureScope(db, editor, campaignId, projectId);
  const stored = (await listReportedFigures(db, editor.territoryId, campaign.id)).filter((f) => f.projectId === project.id);
  return {
    campaign: { id: campaign.id, title: campaign.title, state: campaign.state },
    project: { id: project.id, name: project.name },
    editable: figuresEditable(campaign.state),
    figures: indicators.map(({ indicator, scale }) => {
      const figure = stored.find((f) => f.indicatorId === indicator.id);
      return {
        indicatorId: indicator.id,
        label: indicator.label,
        question: indicator.question,
        help: indicator.help ?? null,
        unit: scale.unit,
        min: scale.min,
        max: scale.max,
        integer: scale.integer,
        value: figure?.value ?? null,
        sourceNote: figure?.sourceNote ?? null,
        enteredBy: figure?.enteredBy ?? null,
        enteredAt: figure?.enteredAt ?? null,
      };
    }),
  };
}

/**
 * Saves every figure of the form in one transaction, or says per field what to fix and gives
 * back what was typed (nothing typed is lost).
 */
export async function saveReportedFigures(db: Db, editor: FigureEditor, campaignId: string, projectId: string, form: FormData): Promise<{ ok: true } | (Failure & { typed: Record<string, string> })> {
  const { campaign, project, indicators } = await figureScope(db, editor, campaignId, projectId);
  const fields: FigureField[] = indicators.map(({ indicator, scale }) => ({ indicatorId: indicator.id, min: scale.min, max: scale.max, integer: scale.integer }));
  if (!figuresEditable(campaign.state)) return { ...formFailure("figures.errors.frozen"), typed: typedValues(form, fields) };
  const parsed = parseFigureForm(form, fields);
  if (!parsed.ok) return { ...parsed, typed: typedValues(form, fields) };
  const stored = new Map((await listReportedFigures(db, editor.territoryId, campaign.id)).filter((f) => f.projectId === project.id).map((f) => [f.indicatorId, f]));
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    for (const figure of parsed.figures) {
      const before = stored.get(figure.indicatorId);
      // Unchanged figures keep who entered them and when.
      if (before && before.value === figure.value && before.sourceNote === figure.sourceNote) continue;
      if (!before && figure.value === null) continue;
      await writeReportedFigure(trx, { territoryId: editor.territoryId, campaignId: campaign.id, projectId: project.id, indicatorId: figure.indicatorId, value: figure.value, sourceNote: figure.sourceNote, userId: editor.userId, at });
    }
  });
  return { ok: true };
}
