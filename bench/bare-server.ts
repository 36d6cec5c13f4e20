// The baseline of `npm run bench`: a bare node:http server and better-sqlite3 prepared
// statements doing the same work as the app's survey submit — look the draft up, check it,
// then ONE transaction: receipt, invitation "used", response, answers, count-cell upserts,
// draft deleted. No framework, no router, no query builder: what the app is compared to.
// Usage: tsx bench/bare-server.ts <database file> <port>
import { createServer } from "node:http";
import { openSqlite } from "../db/connection";
import { type Framework, frameworkSchema } from "../evaluation-frameworks/schema";
import { newId, normalizeCode, sha256 } from "../app/lib/ids";
import { todayInFrance } from "../app/lib/time";
import { answerKey, parseAnswer, type SubmittedRow, submittedRows, surveySteps } from "../app/modules/surveys/questions";

const [dbPath, port] = process.argv.slice(2);
if (dbPath === undefined || port === undefined) {
  console.error("usage: tsx bench/bare-server.ts <database file> <port>");
  process.exit(1);
}
const sqlite = openSqlite(dbPath);

const findDraft = sqlite.prepare(`
  select d.id, d.answers, d.territory_id, d.campaign_id, i.id as invitation_id, i.kind, i.group_id, i.response_count, i.max_responses, c.state, c.is_anonymous, c.framework_version_id
  from survey_draft d
  join invitation i on i.id = d.invitation_id and i.territory_id = d.territory_id
  join campaign c on c.id = d.campaign_id and c.territory_id = d.territory_id
  where d.resume_code = ?`);
const findDefinition = sqlite.prepare("select definition from framework_version where id = ? and (territory_id is null or territory_id = ?)");
// Same read as the app: the campaign's projects the group is asked about, checked against the territory.
const findProjects = sqlite.prepare(
  "select p.id from campaign_project cp join project p on p.id = cp.project_id where cp.campaign_id = ? and p.territory_id = ? and not exists (select 1 from campaign_group_unasked u where u.campaign_id = cp.campaign_id and u.group_id = ? and u.project_id = cp.project_id) order by cp.position",
);
const insertReceipt = sqlite.prepare("insert into submission_receipt (key, territory_id, campaign_id) values (?, ?, ?) on conflict (key) do nothing");
const useInvitation = sqlite.prepare("update invitation set response_count = response_count + 1 where id = ? and territory_id = ?");
const insertResponse = sqlite.prepare("insert into response (id, territory_id, campaign_id, group_id, source, invitation_id, submitted_on) values (?, ?, ?, ?, 'online', ?, ?)");
const insertAnswer = sqlite.prepare("insert into answer (response_id, project_id, indicator_id, value) values (?, ?, ?, ?)");
const upsertCell = sqlite.prepare(`
  insert into count_cell (campaign_id, project_id, indicator_id, group_id, source, value, territory_id, count) values (?, ?, ?, ?, 'online', ?, ?, 1)
  on conflict (campaign_id, project_id, indicator_id, group_id, source, value) do update set count = count_cell.count + 1`);
const deleteDraft = sqlite.prepare("delete from survey_draft where id = ? and territory_id = ?");

type Draft = { id: string; answers: string; territory_id: string; campaign_id: string; invitation_id: string; kind: string; group_id: string; response_count: number; max_responses: number | null; state: string; is_anonymous: number; framework_version_id: string };
const definitions = new Map<string, Framework>();

const submit = sqlite.transaction((draft: Draft, key: string, rows: readonly SubmittedRow[]) => {
  if (insertReceipt.run(key, draft.territory_id, draft.campaign_id).changes === 0) return;
  if (useInvitation.run(draft.invitation_id, draft.territory_id).changes !== 1) throw new Error("invitation vanished during submission");
  const responseId = newId();
  insertResponse.run(responseId, draft.territory_id, draft.campaign_id, draft.group_id, draft.is_anonymous || draft.kind === "open_link" ? null : draft.invitation_id, todayInFrance());
  for (const row of rows) {
    if (row.isAnswer) insertAnswer.run(responseId, row.projectId, row.indicatorId, row.value);
    for (const value of row.counted) upsertCell.run(draft.campaign_id, row.projectId, row.indicatorId, draft.group_id, value, draft.territory_id);
  }
  deleteDraft.run(draft.id, draft.territory_id);
});

function handle(code: string): number {
  const draft = findDraft.get(normalizeCode(code)) as Draft | undefined;
  if (!draft) return 302; // already submitted: the thank-you page
  // The same checks as the app: campaign open, invitation not used up.
  if (draft.state !== "open" || (draft.kind !== "open_link" && draft.response_count > 0) || (draft.max_responses !== null && draft.response_count >= draft.max_responses)) return 303;
  let definition = definitions.get(draft.framework_version_id);
  if (!definition) {
    // Parsed once per version, as the app does (its cache): not part of what each submit costs.
    definition = frameworkSchema.parse(JSON.parse((findDefinition.get(draft.framework_version_id, draft.territory_id) as { definition: string }).definition));
    definitions.set(draft.framework_version_id, definition);
  }
  const projectIds = (findProjects.all(draft.campaign_id, draft.territory_id, draft.group_id) as { id: string }[]).map((p) => p.id);
  const answers = JSON.parse(draft.answers) as Record<string, string>;
  const steps = surveySteps(definition, draft.group_id, projectIds, answers);
  if (steps.some((step) => step.indicator.required && !parseAnswer(step.scale, true, { value: answers[answerKey(step)] }).ok)) return 303;
  const rows = submittedRows(steps, answers);
  submit(draft, sha256(`draft:${normalizeCode(code)}`), rows);
  return 302;
}

const server = createServer((req, res) => {
  const code = /^\/r\/([A-Za-z0-9]+)\/envoyer$/.exec(req.url ?? "")?.[1];
  if (req.method !== "POST" || code === undefined) {
    res.writeHead(404).end();
    return;
  }
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    if (new URLSearchParams(body).get("intent") !== "submit") {
      res.writeHead(400).end();
      return;
    }
    res.writeHead(handle(code), { Location: `/r/${code}/merci` }).end();
  });
});
server.listen(Number(port), "127.0.0.1", () => console.log(`bare server ready on ${port}`));
