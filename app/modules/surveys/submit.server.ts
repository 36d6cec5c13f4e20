import { type CompiledQuery, sql } from "kysely";
import type { Db } from "../../../db/connection";
import { precompile } from "../../../db/precompiled";
import { newId } from "../../lib/ids";
import { todayInFrance } from "../../lib/time";
import { answerKey, parseAnswer, submittedRows, surveySteps } from "./questions";
import { loadFrameworkDefinition } from "../frameworks/frameworks.server";
import { markInvitationUsed } from "../invitations/survey-access.server";
import { readDraft } from "./draft.server";
import { invitationStatus, receiptKey } from "./survey.server";

export type SubmitResult =
  | { status: "submitted" | "already" }
  | { status: "unknown" | "closed" | "used" | "full" }
  | { status: "incomplete"; firstMissingStep: number };

// The submit is the one path that must keep up with a crowd (a QR code shown at a public
// meeting). Its queries are written with Kysely's builder but compiled once (db/precompiled.ts):
// building and compiling the queries of a submit cost about 0.5 ms of CPU per submit, as much
// as SQLite's own work besides the commit (npm run bench, README « Benchmark »). The draft is
// read by readDraft (each part by the area that owns its table); the invitation's "used" is
// written by the invitations area's markInvitationUsed, inside this area's transaction.

const insertReceipt = precompile<{ key: string; territoryId: string; campaignId: string }, unknown>((db, param) =>
  db
    .insertInto("submission_receipt")
    .values({ key: param("key"), territory_id: param("territoryId"), campaign_id: param("campaignId") })
    .onConflict((oc) => oc.column("key").doNothing()),
);

type ResponseValues = { id: string; territoryId: string; campaignId: string; groupId: string; invitationId: string | null; submittedOn: string };
const insertResponse = precompile<ResponseValues, unknown>((db, param) =>
  db.insertInto("response").values({
    id: param("id"),
    territory_id: param("territoryId"),
    campaign_id: param("campaignId"),
    group_id: param("groupId"),
    source: "online",
    invitation_id: param("invitationId"),
    submitted_on: param("submittedOn"),
  }),
);

const deleteDraft = precompile<{ id: string; territoryId: string }, unknown>((db, param) =>
  db.deleteFrom("survey_draft").where("id", "=", param("id")).where("territory_id", "=", param("territoryId")),
);

// Multi-row inserts: one statement per row count, compiled the first time that count is seen
// (a campaign has a handful of counts). Bounded like the statement cache.
type Rows = Record<string, string>;
function byRowCount(build: (count: number) => (values: Rows) => CompiledQuery): (count: number) => (values: Rows) => CompiledQuery {
  const compiled = new Map<number, (values: Rows) => CompiledQuery>();
  return (count) => {
    let query = compiled.get(count);
    if (!query) {
      if (compiled.size >= 200) compiled.clear();
      query = build(count);
      compiled.set(count, query);
    }
    return query;
  };
}

const insertAnswers = byRowCount((count) =>
  precompile<Rows, unknown>((db, param) =>
    db.insertInto("answer").values(
      Array.from({ length: count }, (_, i) => ({ response_id: param("responseId"), project_id: param(`project${i}`), indicator_id: param(`indicator${i}`), value: param(`value${i}`) })),
    ),
  ),
);

const addToCountCells = byRowCount((count) =>
  precompile<Rows, unknown>((db, param) =>
    db
      .insertInto("count_cell")
      .values(
        Array.from({ length: count }, (_, i) => ({
          campaign_id: param("campaignId"),
          project_id: param(`project${i}`),
          indicator_id: param(`indicator${i}`),
          group_id: param("groupId"),
          source: "online" as const,
          value: param(`value${i}`),
          territory_id: param("territoryId"),
          count: 1,
        })),
      )
      .onConflict((oc) => oc.columns(["campaign_id", "project_id", "indicator_id", "group_id", "source", "value"]).doUpdateSet({ count: sql<number>`count_cell.count + excluded.count` })),
  ),
);

/**
 * Submits a draft, exactly once. One transaction writes the receipt (its primary key is what
 * makes a double click, a replayed POST or a second tab a no-op), the response, its answers and
 * the count cells, and deletes the draft. In an anonymous campaign the response row keeps only
 * the group, the source and the day.
 */
export async function submitSurvey(db: Db, resumeCode: string): Promise<SubmitResult> {
  const key = receiptKey(resumeCode);
  const draft = await readDraft(db, resumeCode);
  if (!draft) {
    const receipt = await db.selectFrom("submission_receipt").select("key").where("key", "=", key).executeTakeFirst();
    return { status: receipt ? "already" : "unknown" };
  }
  const status = invitationStatus(draft);
  if (status !== "ok") return { status };
  const definition = await loadFrameworkDefinition(db, draft.territory_id, draft.framework_version_id);
  const { answers } = draft;
  const steps = surveySteps(definition, draft.group_id, draft.projectIds, answers);
  const firstMissingStep = steps.findIndex((step) => step.indicator.required && !parseAnswer(step.scale, true, { value: answers[answerKey(step)] }).ok);
  if (firstMissingStep >= 0) return { status: "incomplete", firstMissingStep };

  // Everything the transaction writes is computed before it opens: it only runs statements.
  const responseId = newId();
  const response = insertResponse({
    id: responseId,
    territoryId: draft.territory_id,
    campaignId: draft.campaign_id,
    groupId: draft.group_id,
    // Named campaigns keep who answered, but an open link is shared by many: never linked.
    invitationId: draft.is_anonymous || draft.kind === "open_link" ? null : draft.invitation_id,
    submittedOn: todayInFrance(),
  });
  const answerValues: Rows = { responseId };
  const cellValues: Rows = { campaignId: draft.campaign_id, groupId: draft.group_id, territoryId: draft.territory_id };
  let answerCount = 0;
  let cellCount = 0;
  for (const row of submittedRows(steps, answers)) {
    if (row.isAnswer) {
      answerValues[`project${answerCount}`] = row.projectId;
      answerValues[`indicator${answerCount}`] = row.indicatorId;
      answerValues[`value${answerCount++}`] = row.value;
    }
    for (const counted of row.counted) {
      cellValues[`project${cellCount}`] = row.projectId;
      cellValues[`indicator${cellCount}`] = row.indicatorId;
      cellValues[`value${cellCount++}`] = counted;
    }
  }
  const writes: Submission = {
    receipt: insertReceipt({ key, territoryId: draft.territory_id, campaignId: draft.campaign_id }),
    invitation: markInvitationUsed({ invitationId: draft.invitation_id, territoryId: draft.territory_id }),
    response,
    answers: answerCount > 0 ? insertAnswers(answerCount)(answerValues) : null,
    cells: cellCount > 0 ? addToCountCells(cellCount)(cellValues) : null,
    draftGone: deleteDraft({ id: draft.id, territoryId: draft.territory_id }),
  };
  try {
    return await writeSubmission(db, writes);
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

type Submission = { receipt: CompiledQuery; invitation: CompiledQuery; response: CompiledQuery; answers: CompiledQuery | null; cells: CompiledQuery | null; draftGone: CompiledQuery };

/** The one transaction: receipt, invitation "used", response, answers, count cells, draft gone. */
function writeSubmission(db: Db, writes: Submission): Promise<SubmitResult> {
  return db.transaction().execute(async (trx): Promise<SubmitResult> => {
    const receipt = await trx.executeQuery(writes.receipt);
    if (Number(receipt.numAffectedRows) === 0) return { status: "already" };
    // The database's CHECK constraints refuse a second use of a personal invitation or a full link.
    const used = await trx.executeQuery(writes.invitation);
    if (Number(used.numAffectedRows) !== 1) throw new Error("invitation vanished during submission");
    await trx.executeQuery(writes.response);
    if (writes.answers) await trx.executeQuery(writes.answers);
    if (writes.cells) await trx.executeQuery(writes.cells);
    await trx.executeQuery(writes.draftGone);
    return { status: "submitted" };
  });
}
