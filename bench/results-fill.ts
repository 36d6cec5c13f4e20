// The bench's data: closed campaigns filled with N responses written directly in SQL (bench
// only), and the reference GROUP BY over raw answers. Shared by bench/results.ts and profiling.
import { performance } from "node:perf_hooks";
import type Database from "better-sqlite3";

/**
 * N responses spread over the campaign's groups and sources, one answer 1–5 per project and
 * question asked to the group (a deterministic mix), then count cells as the submit would
 * have left them (one GROUP BY, bench only).
 */
export function fill(sqlite: Database.Database, campaignId: string, responses: number) {
  const groups = sqlite.prepare("select group_id from campaign_group where campaign_id = ? order by position").all(campaignId).map((r) => (r as { group_id: string }).group_id);
  sqlite.exec("create temp table if not exists seq(i integer primary key)");
  sqlite.exec("delete from seq");
  sqlite.prepare("insert into seq(i) with recursive n(i) as (select 0 union all select i + 1 from n where i + 1 < ?) select i from n").run(responses);
  const territory = (sqlite.prepare("select territory_id from campaign where id = ?").get(campaignId) as { territory_id: string }).territory_id;
  sqlite.exec("create temp table if not exists grp(k integer primary key, group_id text)");
  sqlite.exec("delete from grp");
  groups.forEach((g, k) => sqlite.prepare("insert into grp values (?, ?)").run(k, g));
  sqlite
    .prepare(
      `insert into response (id, territory_id, campaign_id, group_id, source, invitation_id, submitted_on)
       select ? || '-' || s.i, ?, ?, g.group_id, case s.i % 5 when 0 then 'paper' when 1 then 'workshop' else 'online' end, null, '2025-04-01'
       from seq s join grp g on g.k = s.i % ?`,
    )
    .run(campaignId, territory, campaignId, groups.length);
  // The questions asked to each group: every likert or rating indicator of the campaign's framework with that audience.
  const definition = JSON.parse((sqlite.prepare("select v.definition from campaign c join framework_version v on v.id = c.framework_version_id where c.id = ?").get(campaignId) as { definition: string }).definition) as {
    scales: { id: string; type: string }[];
    indicators: { id: string; kind: string; scale: string; audiences: string[] }[];
  };
  const ordinal = new Set(definition.scales.filter((s) => s.type === "likert" || s.type === "rating").map((s) => s.id));
  sqlite.exec("create temp table if not exists asked(group_id text, indicator_id text, j integer)");
  sqlite.exec("delete from asked");
  definition.indicators.forEach((i, j) => {
    if (i.kind === "question" && ordinal.has(i.scale)) for (const g of i.audiences) if (groups.includes(g)) sqlite.prepare("insert into asked values (?, ?, ?)").run(g, i.id, j);
  });
  sqlite
    .prepare(
      `insert into answer (response_id, project_id, indicator_id, value)
       select r.id, cp.project_id, a.indicator_id, cast(((cast(substr(r.id, length(?) + 2) as integer) * 7 + a.j) % 5) + 1 as text)
       from response r join asked a on a.group_id = r.group_id join campaign_project cp on cp.campaign_id = r.campaign_id
       where r.campaign_id = ?`,
    )
    .run(campaignId, campaignId);
  sqlite
    .prepare(
      `insert into count_cell (campaign_id, project_id, indicator_id, group_id, source, value, territory_id, count)
       select r.campaign_id, a.project_id, a.indicator_id, r.group_id, r.source, a.value, r.territory_id, count(*)
       from answer a join response r on r.id = a.response_id where r.campaign_id = ?
       group by r.campaign_id, a.project_id, a.indicator_id, r.group_id, r.source, a.value`,
    )
    .run(campaignId);
  sqlite.prepare("update campaign set state = 'closed' where id = ?").run(campaignId);
}

export function groupByOverAnswers(sqlite: Database.Database, campaignId: string): number {
  const started = performance.now();
  sqlite
    .prepare(
      `select a.project_id, a.indicator_id, r.group_id, r.source, a.value, count(*) from answer a join response r on r.id = a.response_id
       where r.campaign_id = ? group by a.project_id, a.indicator_id, r.group_id, r.source, a.value`,
    )
    .all(campaignId);
  return performance.now() - started;
}
