import { createTranslator, localized, type Locale } from "../../i18n/i18n";
import { findingTexts } from "../review/finding-text";
import type { MaskedScore } from "../review/figures";
import type { Snapshot } from "../review/snapshot";

/**
 * The open-data tables of a published evaluation, one definition per table: the same columns
 * write the CSV, the JSON and the Table Schema, so the three cannot disagree. Built from the
 * frozen snapshot only. A masked figure is a row with `status = masque` and empty values: it is
 * marked, never filled in (README « Données ouvertes »).
 */
export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export type Field = { name: string; type: "string" | "number" | "integer"; description: string; enum?: readonly string[] };
export type OpenTable = { name: string; title: string; description: string; fields: readonly Field[]; primaryKey: readonly string[]; rows: readonly Row[] };

const field = (type: Field["type"]) => (name: string, description: string): Field => ({ name, type, description });
const text = field("string");
const num = field("number");
const int = field("integer");
// The columns several tables share.
const FINDING_ID = text("finding_id", "Constat (identifiant).");
const PROJECT = text("project", "Projet évalué.");
const DIMENSION = text("dimension", "Dimension.");
const INDICATOR = text("indicator", "Indicateur.");
const GROUP = text("group", "Partie prenante.");

/** shown: published; masque: fewer than k people (or would reveal such a figure); sans_donnee: nothing to score. */
export const STATUSES = ["shown", "masque", "sans_donnee"] as const;
const status: Field = { name: "status", type: "string", description: "shown : publié ; masque : moins de k personnes (ou permettrait de le recalculer), jamais rempli ; sans_donnee : rien à noter.", enum: STATUSES };

function scoreCells(score: MaskedScore | null): Row {
  if (!score) return { status: "sans_donnee", score: null, low: null, high: null };
  if (score.hidden) return { status: "masque", score: null, low: null, high: null };
  return { status: "shown", score: round(score.score), low: roundOrNull(score.low), high: roundOrNull(score.high) };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

const roundOrNull = (value: number | null) => (value === null ? null : round(value));

/** The tables, in the order of the data package. Labels in `locale` (French for the published files). */
export function openDataTables(snapshot: Snapshot, locale: Locale = "fr"): OpenTable[] {
  const project = new Map(snapshot.projects.map((p) => [p.id, p.name]));
  const dimension = new Map(snapshot.dimensions.map((d) => [d.id, localized(locale, d.label)]));
  const group = new Map(snapshot.groups.map((g) => [g.id, localized(locale, g.label)]));
  const textOf = findingTexts(createTranslator(locale), snapshot);
  const where = (f: { projectId: string; dimensionId: string }) => ({ project: project.get(f.projectId) ?? f.projectId, dimension_id: f.dimensionId, dimension: dimension.get(f.dimensionId) ?? f.dimensionId });
  // One indicator of one finding: the key columns of the indicators and reported tables.
  const indicatorKeyCells = (f: { id: string; projectId: string; dimensionId: string }, i: { indicatorId: string; label: { fr: string; en: string } }) => ({
    finding_id: f.id,
    project: project.get(f.projectId) ?? f.projectId,
    dimension_id: f.dimensionId,
    indicator_id: i.indicatorId,
    indicator: localized(locale, i.label),
  });
  const indicatorKey: Field[] = [
    FINDING_ID,
    PROJECT,
    text("dimension_id", "Dimension (identifiant)."),
    text("indicator_id", "Indicateur (identifiant stable d'une version à l'autre)."),
    INDICATOR,
  ];
  const scoreFields: Field[] = [
    FINDING_ID,
    PROJECT,
    text("dimension_id", "Dimension (identifiant stable du cadre)."),
    DIMENSION,
    text("group_id", "Partie prenante (identifiant) ; « * » pour le score d'ensemble."),
    GROUP,
    status,
    num("score", "Score 0–100 (plus haut = meilleur impact)."),
    num("low", "Borne basse de l'intervalle à 95 %."),
    num("high", "Borne haute de l'intervalle à 95 %."),
  ];
  return [
    {
      name: "scores",
      title: "Scores par projet, dimension et partie prenante",
      description: "Score 0–100 de chaque dimension par projet : d'ensemble (« * », chaque partie prenante pèse autant) et par partie prenante.",
      fields: scoreFields,
      primaryKey: ["finding_id", "group_id"],
      rows: snapshot.findings.flatMap((f) => [
        { finding_id: f.id, ...where(f), group_id: "*", group: "", ...scoreCells(f.figures.score) },
        ...f.figures.groups.map((g) => ({ finding_id: f.id, ...where(f), group_id: g.groupId, group: group.get(g.groupId) ?? g.groupId, ...scoreCells(g.score) })),
      ]),
    },
    {
      name: "indicators",
      title: "Indicateurs par projet",
      description: "Pour chaque question : nombre de réponses, « je ne sais pas » (jamais moyennés), moyenne dans l'unité de l'échelle et score 0–100.",
      fields: [
        ...indicatorKey,
        status,
        int("n", "Réponses (y compris « je ne sais pas »)."),
        int("dont_know", "Réponses « je ne sais pas / pas concerné·e »."),
        num("mean", "Moyenne dans l'unité de l'échelle."),
        num("score", "Score 0–100."),
      ],
      primaryKey: ["finding_id", "indicator_id"],
      rows: snapshot.findings.flatMap((f) =>
        f.figures.indicators.map((i) => {
          const base = indicatorKeyCells(f, i);
          if (i.result.hidden) return { ...base, status: "masque", n: null, dont_know: null, mean: null, score: null };
          return { ...base, status: "shown", n: i.result.n, dont_know: i.result.dontKnow, mean: roundOrNull(i.result.mean), score: roundOrNull(i.result.score) };
        }),
      ),
    },
    {
      name: "reported",
      title: "Chiffres déclarés et taux calculés, face aux cibles",
      description: "Chiffres déclarés par les structures qui portent les projets et taux calculés à partir d'eux, avec la valeur de départ et la cible du cadre. Un taux portant sur moins de k personnes est masqué.",
      fields: [
        ...indicatorKey,
        { name: "kind", type: "string", description: "reported : chiffre déclaré ; computed : taux calculé.", enum: ["reported", "computed"] },
        text("unit", "Unité."),
        status,
        num("value", "Valeur (vide si non déclarée ou masquée)."),
        num("baseline", "Valeur de départ du cadre."),
        num("target", "Cible du cadre."),
        num("progress", "Chemin parcouru vers la cible, 0–100."),
      ],
      primaryKey: ["finding_id", "indicator_id"],
      rows: snapshot.findings.flatMap((f) =>
        f.figures.reported.map((r) => {
          const base = { ...indicatorKeyCells(f, r), kind: r.kind, unit: r.unit ? localized(locale, r.unit) : null, baseline: r.baseline, target: r.target };
          if (r.result.hidden) return { ...base, status: "masque", value: null, progress: null };
          return { ...base, status: r.result.value === null ? "sans_donnee" : "shown", value: r.result.value, progress: roundOrNull(r.result.progress) };
        }),
      ),
    },
    {
      name: "workshop_positions",
      title: "Positions collectives des ateliers",
      description: "La position d'un groupe en atelier sur un indicateur (consensus, majorité, partagé), son raisonnement et l'avis minoritaire.",
      fields: [
        FINDING_ID,
        text("indicator_id", "Indicateur (identifiant)."),
        INDICATOR,
        { name: "kind", type: "string", description: "consensus ; majority : majorité ; divided : partagé.", enum: ["consensus", "majority", "divided"] },
        text("reasoning", "Raisonnement du groupe."),
        text("minority_view", "Avis minoritaire (vide si aucun)."),
      ],
      primaryKey: [],
      rows: snapshot.findings.flatMap((f) => f.figures.workshopPositions.map((p) => ({ finding_id: f.id, indicator_id: p.indicatorId, indicator: localized(locale, p.label), kind: p.kind, reasoning: p.reasoning, minority_view: p.minorityView }))),
    },
    {
      name: "findings",
      title: "Constats et réponses de la collectivité",
      description: "Le texte de chaque constat après la relecture collective et la réponse de la collectivité.",
      fields: [
        FINDING_ID,
        PROJECT,
        DIMENSION,
        text("title", "Titre du constat."),
        text("text", "Texte du constat."),
        text("council_answer", "Réponse de la collectivité (vide si aucune)."),
      ],
      primaryKey: ["finding_id"],
      rows: snapshot.findings.map((f) => {
        const text = textOf(f);
        return { finding_id: f.id, project: project.get(f.projectId) ?? f.projectId, dimension: dimension.get(f.dimensionId) ?? f.dimensionId, title: text.title, text: text.body, council_answer: f.answer?.response ?? null };
      }),
    },
    {
      name: "positions",
      title: "Positions des parties prenantes",
      description: "D'accord, à nuancer ou pas d'accord, avec la raison et la reformulation proposée, par association.",
      fields: [
        FINDING_ID,
        text("association", "Association ou structure (vide pour une personne invitée sans association)."),
        { name: "position", type: "string", description: "agree : d'accord ; nuance : à nuancer ; disagree : pas d'accord.", enum: ["agree", "nuance", "disagree"] },
        text("reason", "Raison donnée."),
        text("rewording", "Reformulation proposée."),
      ],
      primaryKey: [],
      rows: snapshot.findings.flatMap((f) => f.positions.map((p) => ({ finding_id: f.id, association: p.association, position: p.position, reason: p.reason, rewording: p.rewording }))),
    },
    {
      name: "commitments",
      title: "Engagements de la collectivité",
      description: "Ce qui va changer, qui s'en charge et pour quand.",
      fields: [
        FINDING_ID,
        text("what", "Ce qui va changer."),
        text("who", "Qui s'en charge."),
        text("due_on", "Échéance (AAAA-MM-JJ), vide si aucune."),
      ],
      primaryKey: [],
      rows: snapshot.findings.flatMap((f) => f.commitments.map((c) => ({ finding_id: f.id, what: c.what, who: c.who, due_on: c.dueOn }))),
    },
    {
      name: "participation",
      title: "Participation par partie prenante et source",
      description: "Personnes invitées (invitations nominatives et feuilles papier ; un lien ouvert n'invite personne en particulier) et réponses reçues.",
      fields: [
        text("group_id", "Partie prenante (identifiant)."),
        GROUP,
        { name: "source", type: "string", description: "online : en ligne ; paper : questionnaire papier.", enum: ["online", "paper", "workshop"] },
        int("invited", "Invitations nominatives ou papier."),
        int("responses", "Réponses reçues."),
      ],
      primaryKey: ["group_id", "source"],
      rows: snapshot.participation.map((p) => ({ group_id: p.groupId, group: group.get(p.groupId) ?? p.groupId, source: p.source, invited: p.invited, responses: p.responses })),
    },
  ];
}
