import { sql } from "kysely";
import type { Db } from "../../../db/connection";
import { newId } from "../../lib/ids";
import { todayInFrance } from "../../lib/time";
import { answerKey, countedValues, parseAnswer } from "./questions";
import { loadSurvey, receiptKey } from "./survey.server";

export type SubmitResult =
  | { status: "submitted" | "already" }
  | { status: "unknown" | "closed" | "used" | "full" }
  | { status: "incomplete"; firstMissingStep: number };

/**
 * Submits a draft, exactly once. One transaction writes the receipt (its primary key is what
 * makes a double click, a replayed POST or a second tab a no-op), the response, its answers and
 * the count cells, and deletes the draft. In an anonymous campaign the response row keeps only
 * the group, the source and the day.
 */
export async function submitSurvey(db: Db, resumeCode: string): Promise<SubmitResult> {
  const key = receiptKey(resumeCode);
  const survey = await loadSurvey(db, resumeCode);
  if (!survey) {
    const receipt = await db.selectFrom("submission_receipt").select("key").where("key", "=", key).executeTakeFirst();
    return { status: receipt ? "already" : "unknown" };
  }
  const { draft, steps, answers } = survey;
  if (survey.status !== "ok") return { status: survey.status };
  const firstMissingStep = steps.findIndex((step) => step.indicator.required && !parseAnswer(step.scale, true, { value: answers[answerKey(step)] }).ok);
  if (firstMissingStep >= 0) return { status: "incomplete", firstMissingStep };

  const responseId = newId();
  const answerRows: AnswerRow[] = steps.flatMap((step) => {
    const value = answers[answerKey(step)];
    return value === undefined ? [] : [{ step, value }];
  });
  try {
    return await writeSubmission(db, draft, answerRows, responseId, key);
  } catch (error) {
    // A personal invitation already used through another draft, or an open link that just
    // reached its cap: the CHECK constraints refused it and the whole transaction rolled back.
    if (isCheckViolation(error)) return { status: draft.kind === "open_link" ? "full" : "used" };
    throw error;
  }
}

function isCheckViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "SQLITE_CONSTRAINT_CHECK";
}

type Survey = NonNullable<Awaited<ReturnType<typeof loadSurvey>>>;
type AnswerRow = { step: Survey["steps"][number]; value: string };

/** The one transaction: receipt, invitation "used", response, answers, count cells, draft gone. */
function writeSubmission(db: Db, draft: Survey["draft"], answerRows: AnswerRow[], responseId: string, key: string): Promise<SubmitResult> {
  return db.transaction().execute(async (trx): Promise<SubmitResult> => {
    const receipt = await trx
      .insertInto("submission_receipt")
      .values({ key, territory_id: draft.territory_id, campaign_id: draft.campaign_id })
      .onConflict((oc) => oc.column("key").doNothing())
      .executeTakeFirst();
    if (Number(receipt.numInsertedOrUpdatedRows) === 0) return { status: "already" };

    // The database's CHECK constraints refuse a second use of a personal invitation or a full link.
    const used = await trx
      .updateTable("invitation")
      .set((eb) => ({ response_count: eb("response_count", "+", 1) }))
      .where("id", "=", draft.invitation_id)
      .where("territory_id", "=", draft.territory_id)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw new Error("invitation vanished during submission");

    await trx
      .insertInto("response")
      .values({
        id: responseId,
        territory_id: draft.territory_id,
        campaign_id: draft.campaign_id,
        group_id: draft.group_id,
        source: "online",
        // Named campaigns keep who answered, but an open link is shared by many: never linked.
        invitation_id: draft.is_anonymous || draft.kind === "open_link" ? null : draft.invitation_id,
        submitted_on: todayInFrance(),
      })
      .execute();
    if (answerRows.length > 0) {
      await trx
        .insertInto("answer")
        .values(answerRows.map(({ step, value }) => ({ response_id: responseId, project_id: step.projectId, indicator_id: step.indicator.id, value })))
        .execute();
    }
    const cells = answerRows.flatMap(({ step, value }) =>
      countedValues(step.scale, value).map((counted) => ({
        campaign_id: draft.campaign_id,
        project_id: step.projectId,
        indicator_id: step.indicator.id,
        group_id: draft.group_id,
        source: "online" as const,
        value: counted,
        territory_id: draft.territory_id,
        count: 1,
      })),
    );
    if (cells.length > 0) {
      await trx
        .insertInto("count_cell")
        .values(cells)
        .onConflict((oc) =>
          oc.columns(["campaign_id", "project_id", "indicator_id", "group_id", "source", "value"]).doUpdateSet({ count: sql<number>`count_cell.count + excluded.count` }),
        )
        .execute();
    }
    await trx.deleteFrom("survey_draft").where("id", "=", draft.id).where("territory_id", "=", draft.territory_id).execute();
    return { status: "submitted" };
  });
}

