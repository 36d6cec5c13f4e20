import type { Db } from "../../../db/connection";
import type { Role } from "../../../db/schema";
import { COUNCIL_EDITORS } from "../accounts/roles";
import type { Result } from "../failure";
import { addComment, answerFinding, recordCommitmentOutcome, recordPosition } from "./contributions.server";
import { editFinding, editSummary, stepReview } from "./evaluation.server";
import { commitmentsOf, type ReviewForm } from "./forms";
import { inviteReviewGuest } from "./guests.server";
import { publishEvaluation } from "./publish.server";

type Member = { territoryId: string; userId: string; role: Role; associationId: string | null };

function forbidden(): never {
  throw new Response("Forbidden", { status: 403 });
}

/**
 * One form of the review page, by the signed-in member: the council edits, opens, closes,
 * answers, invites stakeholders and publishes; association members take positions; anyone in
 * the review comments.
 * A role that may not do it gets a 403; another territory's campaign or finding a 404.
 */
export async function applyReviewForm(db: Db, member: Member, campaignId: string, form: ReviewForm, baseUrl: string): Promise<Result<{ publishedPath?: string }>> {
  const isCouncil = COUNCIL_EDITORS.includes(member.role);
  const council = () => (isCouncil ? member : forbidden());
  switch (form.intent) {
    case "summary":
      return editSummary(db, council(), campaignId, form.summary);
    case "finding":
      return editFinding(db, council(), campaignId, { findingId: form.target, title: form.title, body: form.body });
    case "open":
      return stepReview(db, council(), campaignId, "open");
    case "close":
      return stepReview(db, council(), campaignId, "close");
    case "publish": {
      const published = await publishEvaluation(db, council(), campaignId, baseUrl);
      return published.ok ? { ok: true, publishedPath: published.path } : published;
    }
    case "position":
      if (member.role !== "association_member") forbidden();
      return recordPosition(db, member, campaignId, { findingId: form.target, position: form.position, reason: form.reason, rewording: form.rewording });
    case "comment":
      return addComment(db, member, campaignId, { findingId: form.target, body: form.body });
    case "answer":
      return answerFinding(db, council(), campaignId, { findingId: form.target, response: form.response, commitments: commitmentsOf(form) });
    case "invite":
      return inviteReviewGuest(db, council(), campaignId, { email: form.email, label: form.label }, baseUrl);
    case "outcome":
      return recordCommitmentOutcome(db, council(), campaignId, { commitmentId: form.target, outcome: form.outcome });
  }
}
