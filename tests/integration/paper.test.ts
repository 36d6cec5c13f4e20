import { describe, expect, it } from "vitest";
import type { Db } from "../../db/connection";
import { checkFirstEntry, getPaperPage, importPaperCsv, recordDoubleEntry, recordPaperBatch } from "../../app/modules/paper/paper.server";
import { listCountCellsBySource } from "../../app/modules/surveys/source-writes.server";
import { demoFacts, freshDbPerTest } from "../helpers/db";

async function openCampaign(db: Db) {
  const { territory } = await demoFacts(db);
  const campaign = await db.selectFrom("campaign").select("id").where("territory_id", "=", territory.id).where("state", "=", "open").executeTakeFirstOrThrow();
  const page = await getPaperPage(db, territory.id, campaign.id);
  const likert = page.columns.find((c) => c.scaleType === "likert");
  if (!likert) throw new Error("the demo framework has a likert question");
  // The first project is the social clauses: the demo asks people in insertion about it, not residents.
  return { territoryId: territory.id, campaignId: campaign.id, page, likert: likert.indicatorId, group: page.groups.find((g) => g.id === "beneficiaries"), project: page.projects[0] };
}

const paperResponses = (db: Db, campaignId: string) => db.selectFrom("response").select("id").where("campaign_id", "=", campaignId).where("source", "=", "paper").execute();

describe("paper questionnaires", () => {
  const t = freshDbPerTest();

  it("a batch with a value off the scale saves nothing and says which cell, in French", async () => {
    const c = await openCampaign(t.db);
    const result = await recordPaperBatch(t.db, c.territoryId, c.campaignId, { groupId: c.group?.id ?? "", projectId: c.project?.id ?? "", rows: [{ [c.likert]: "4" }, { [c.likert]: "7" }] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors[`r2.${c.likert}`]).toEqual([{ key: "paper.errors.offScale", params: { line: 2, column: c.likert, value: "7", scale: "1–5" } }]);
    expect(await paperResponses(t.db, c.campaignId)).toHaveLength(0);
  });

  it("a good batch becomes one paper response per sheet, « ? » and 0 count as « je ne sais pas »", async () => {
    const c = await openCampaign(t.db);
    const result = await recordPaperBatch(t.db, c.territoryId, c.campaignId, { groupId: c.group?.id ?? "", projectId: c.project?.id ?? "", rows: [{ [c.likert]: "4" }, { [c.likert]: "?" }, { [c.likert]: "0" }, {}] });
    expect(result).toEqual({ ok: true, saved: 3 });
    expect(await paperResponses(t.db, c.campaignId)).toHaveLength(3);
    const cells = (await listCountCellsBySource(t.db, c.territoryId, c.campaignId)).filter((x) => x.source === "paper" && x.indicatorId === c.likert);
    expect(cells.map((x) => [x.value, x.count]).sort()).toEqual([["*", 3], ["4", 1], ["dont_know", 2]]);
  });

  it("imports an Excel-FR CSV (BOM, semicolons) all at once", async () => {
    const c = await openCampaign(t.db);
    const text = `\uFEFFgroupe;projet;quartier;${c.likert}\r\n${c.group?.id};${c.project?.name};Centre;5\r\n${c.group?.id};${c.project?.name};;2\r\n`;
    const result = await importPaperCsv(t.db, c.territoryId, c.campaignId, { bytes: new TextEncoder().encode(text), mode: "import" });
    expect(result).toMatchObject({ status: "imported", saved: 2, skipped: 0 });
  });

  it("reads a Latin-1 file with accented cells", async () => {
    const c = await openCampaign(t.db);
    const name = c.project?.name ?? "";
    // « Forêt » in Latin-1 is not valid UTF-8: the decoder must fall back to Windows-1252.
    const text = `groupe;projet;quartier;${c.likert}\n${c.group?.id};${name};Forêt;3\n`;
    const latin1 = Uint8Array.from([...text].map((ch) => ch.charCodeAt(0)));
    expect([...text].every((ch) => ch.charCodeAt(0) < 256)).toBe(true);
    const result = await importPaperCsv(t.db, c.territoryId, c.campaignId, { bytes: latin1, mode: "import" });
    expect(result).toMatchObject({ status: "imported", saved: 1 });
  });

  it("a bad file is refused whole with a message per cell, unless the person skips the bad rows", async () => {
    const c = await openCampaign(t.db);
    const lines = [`groupe;projet;${c.likert}`, ...Array.from({ length: 10 }, () => `${c.group?.id};${c.project?.name};4`), `${c.group?.id};${c.project?.name};7`];
    const bytes = new TextEncoder().encode(lines.join("\n"));
    const refused = await importPaperCsv(t.db, c.territoryId, c.campaignId, { bytes, mode: "import" });
    expect(refused.status).toBe("preview");
    if (refused.status !== "preview") return;
    expect(refused.errors).toEqual([{ line: 12, key: "paper.errors.offScale", params: { line: 12, column: c.likert, value: "7", scale: "1–5" } }]);
    expect(await paperResponses(t.db, c.campaignId)).toHaveLength(0);
    const skipping = await importPaperCsv(t.db, c.territoryId, c.campaignId, { bytes, mode: "importSkippingBadRows" });
    expect(skipping).toMatchObject({ status: "imported", saved: 10, skipped: 1 });
  });
});

describe("paper double entry", () => {
  const t = freshDbPerTest();

  it("a second typing that agrees saves the batch once; one that differs saves nothing and lists each difference", async () => {
    const c = await openCampaign(t.db);
    const batch = { groupId: c.group?.id ?? "", projectId: c.project?.id ?? "" };
    const first = [{ [c.likert]: "4" }, { [c.likert]: "2" }, { [c.likert]: "?" }];
    expect(await checkFirstEntry(t.db, c.territoryId, c.campaignId, { ...batch, rows: first })).toEqual({ ok: true, sheets: 3 });
    expect(await paperResponses(t.db, c.campaignId)).toHaveLength(0);

    const differing = await recordDoubleEntry(t.db, c.territoryId, c.campaignId, { ...batch, first, rows: [{ [c.likert]: "4" }, { [c.likert]: "3" }, { [c.likert]: "0" }] });
    expect(differing).toEqual({ ok: true, status: "differences", differences: [{ line: 2, column: c.likert, first: "2", second: "3" }], agreed: [{ [c.likert]: "4" }, {}, { [c.likert]: "?" }] });
    expect(await paperResponses(t.db, c.campaignId)).toHaveLength(0);

    // The cell both typed differently must be typed again from the sheet: left empty, it is refused.
    const toResolve = [{ line: 2, column: c.likert }];
    const unresolved = await recordPaperBatch(t.db, c.territoryId, c.campaignId, { ...batch, rows: [{ [c.likert]: "4" }, {}, { [c.likert]: "?" }], toResolve });
    expect(unresolved).toMatchObject({ ok: false, fieldErrors: { [`r2.${c.likert}`]: [{ key: "paper.errors.resolveCell" }] } });
    expect(await recordPaperBatch(t.db, c.territoryId, c.campaignId, { ...batch, rows: [{ [c.likert]: "4" }, { [c.likert]: "3" }, { [c.likert]: "?" }], toResolve })).toEqual({ ok: true, saved: 3 });
    expect(await paperResponses(t.db, c.campaignId)).toHaveLength(3);

    const agreeing = await recordDoubleEntry(t.db, c.territoryId, c.campaignId, { ...batch, first, rows: [{ [c.likert]: "4" }, { [c.likert]: "2" }, { [c.likert]: "0" }] });
    expect(agreeing).toEqual({ ok: true, status: "saved", saved: 3 });
    expect(await paperResponses(t.db, c.campaignId)).toHaveLength(6);
  });

  it("a second typing with a value off the scale saves nothing and names the cell", async () => {
    const c = await openCampaign(t.db);
    const refused = await recordDoubleEntry(t.db, c.territoryId, c.campaignId, { groupId: c.group?.id ?? "", projectId: c.project?.id ?? "", first: [{ [c.likert]: "4" }], rows: [{ [c.likert]: "9" }] });
    expect(refused).toMatchObject({ ok: false, fieldErrors: { [`r1.${c.likert}`]: [{ key: "paper.errors.offScale" }] } });
    expect(await paperResponses(t.db, c.campaignId)).toHaveLength(0);
  });
});
