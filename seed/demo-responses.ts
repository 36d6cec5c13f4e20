// Sample answers for the demo campaigns, so that `npm start` shows a participation curve,
// distributions, a divergence between groups and a suppressed small group — not empty pages.
// They go through the same module functions as a resident's answers (draft, steps, submit),
// so every invariant holds; only the day of each response is then spread over the period.
import type { Db } from "../db/connection";
import { isScreening, type RawAnswer, type SurveyStep } from "../app/modules/surveys/questions";
import { loadSurvey, saveSurveyStep, startSurvey } from "../app/modules/surveys/survey.server";
import { submitSurvey } from "../app/modules/surveys/submit.server";

/** How many people answer per group, the generator's seed and the days the answers are spread over (ending `lastDay`). */
export type DemoSample = { seed: number; respondents: Record<string, number>; lastDay: string; days: number };
/** Likert weights (1 → 5): residents are less sure than the council — a divergence to discuss. */
const RESIDENTS_LIKERT = [1, 2, 5, 8, 4];
const LIKERT: Record<string, number[]> = { residents: RESIDENTS_LIKERT, beneficiaries: [1, 1, 3, 7, 6], associations: [0, 1, 3, 6, 5], council: [0, 0, 1, 4, 6] };
const COMMENTS = [
  "Plus d'horaires d'ouverture le samedi.",
  "Mieux faire connaître le projet dans le quartier.",
  "Des ateliers pour les jeunes.",
  "Un meilleur accès en bus.",
];

/** A small deterministic generator: the demo looks the same on every machine. */
function seededRandom(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

function pickWeighted(random: () => number, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let draw = random() * total;
  for (const [index, weight] of weights.entries()) {
    draw -= weight;
    if (draw < 0) return index;
  }
  return weights.length - 1;
}

function sampleAnswer(step: SurveyStep, groupId: string, random: () => number): RawAnswer {
  // Every sample person knows the projects they are asked about; no draw for it.
  if (isScreening(step)) return { value: "yes" };
  if (random() < 0.06) return { dontKnow: true };
  const { scale } = step;
  switch (scale.type) {
    case "likert":
      return { value: String(pickWeighted(random, LIKERT[groupId] ?? RESIDENTS_LIKERT) + 1) };
    case "rating":
      return { value: String(Math.min(scale.max, Math.max(scale.min, Math.round(4 + random() * 5 + (groupId === "council" ? 1 : 0))))) };
    case "yes_no":
      return { value: random() < 0.65 ? "yes" : "no" };
    case "choice": {
      const option = scale.options[Math.floor(random() * scale.options.length)];
      if (!option) return {};
      return scale.multiple ? { values: [option.value] } : { value: option.value };
    }
    case "number":
      return { value: String(scale.integer ? Math.round(scale.min + (scale.max - scale.min) * random() * 0.2) : scale.min) };
    case "text":
      return step.indicator.required || random() < 0.3 ? { value: COMMENTS[Math.floor(random() * COMMENTS.length)] } : {};
  }
}

/** Answers a demo campaign through its open links, then spreads the days over the sample's period. */
export async function seedDemoResponses(db: Db, territoryId: string, campaignId: string, sample: DemoSample) {
  const random = seededRandom(sample.seed);
  const links = await db.selectFrom("invitation").select(["code", "group_id"]).where("campaign_id", "=", campaignId).where("territory_id", "=", territoryId).where("kind", "=", "open_link").execute();
  for (const link of links) {
    for (let person = 0; person < (sample.respondents[link.group_id] ?? 0); person++) {
      const started = await startSurvey(db, link.code);
      if (!started.ok) return;
      const survey = await loadSurvey(db, started.resumeCode);
      for (const [index, step] of (survey?.steps ?? []).entries()) {
        const saved = await saveSurveyStep(db, started.resumeCode, index, "next", sampleAnswer(step, link.group_id, random));
        if (!saved?.ok) await saveSurveyStep(db, started.resumeCode, index, "next", { dontKnow: true });
      }
      await submitSurvey(db, started.resumeCode);
    }
  }
  const lastDay = new Date(`${sample.lastDay}T12:00:00Z`).getTime();
  const responses = await db.selectFrom("response").select("id").where("campaign_id", "=", campaignId).where("territory_id", "=", territoryId).execute();
  for (const { id } of responses) {
    const day = new Date(lastDay - Math.floor(random() * sample.days) * 86_400_000).toISOString().slice(0, 10);
    await db.updateTable("response").set({ submitted_on: day }).where("id", "=", id).where("territory_id", "=", territoryId).execute();
  }
}
