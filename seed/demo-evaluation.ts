import type { Db } from "../db/connection";
import { loadReview } from "../app/modules/review/review-content.server";
import { answerFinding, recordPosition } from "../app/modules/review/contributions.server";
import { editSummary, startReview, stepReview } from "../app/modules/review/evaluation.server";
import { publishEvaluation } from "../app/modules/review/publish.server";
import { campaignInvitations } from "../app/modules/invitations/campaign-invitations.server";

type Actor = { territoryId: string; userId: string };

/**
 * Last year's closed campaign goes the whole way: review opened, the ressourcerie's member
 * agrees with one finding and disagrees with another (with a reason and a rewording), the
 * council answers with a commitment, closes the review and publishes. So `npm start` shows the
 * end of the journey: a public page, its print and its open data.
 */
export async function seedDemoEvaluation(db: Db, council: Actor, association: Actor & { associationId: string | null }, campaignId: string): Promise<void> {
  const started = await startReview(db, council, campaignId, campaignInvitations);
  if (!started.ok) throw new Error("demo: the closed campaign could not go to review");
  await editSummary(
    db,
    council,
    campaignId,
    "Les personnes interrogées jugent que la ressourcerie renforce le lien social et l'accès à l'emploi au quartier Nord. Les associations ont contesté la lecture du constat sur l'emploi : la collectivité s'engage à suivre les sorties à 6 mois.",
  );
  await stepReview(db, council, campaignId, "open");
  const review = await loadReview(db, council.territoryId, campaignId);
  const [first, second] = review?.findings ?? [];
  if (first) {
    await recordPosition(db, association, campaignId, { findingId: first.id, position: "agree", reason: "C'est ce que nous constatons au quotidien avec les personnes accueillies." });
  }
  if (second) {
    await recordPosition(db, association, campaignId, {
      findingId: second.id,
      position: "disagree",
      reason: "Le score ne tient pas compte des personnes sorties vers un emploi durable : elles n'ont plus été interrogées.",
      rewording: "Le score reflète l'avis des personnes encore en parcours ; les sorties vers l'emploi restent à mesurer.",
    });
    await answerFinding(db, council, campaignId, {
      findingId: second.id,
      response: "Nous partageons cette remarque : les sorties à 6 mois seront suivies et publiées avec la prochaine évaluation.",
      commitments: [{ what: "Suivre les sorties à 6 mois des salarié·es en insertion", who: "Service emploi de la commune et Ressourcerie du Nord", dueOn: "2026-06-30" }],
    });
  }
  await stepReview(db, council, campaignId, "close");
  const published = await publishEvaluation(db, council, campaignId, "");
  if (!published.ok) throw new Error("demo: the evaluation could not be published");
}
