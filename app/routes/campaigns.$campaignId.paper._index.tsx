import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/db.server";
import { PlainSelect } from "~/components/form/plain-select";
import { PaperGrid } from "~/components/paper/paper-grid";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { translateFailure } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { requireWorkshopRunner, loadForWorkshopRunner } from "~/lib/workshop-runner.server";
import { checkFirstEntry, getPaperPage, recordDoubleEntry, recordPaperBatch } from "~/modules/paper/paper.server";
import type { EntryDifference } from "~/modules/paper/sheets";
import { FrenchText } from "~/components/french-text";

export const meta: MetaFunction = () => [{ title: "Questionnaires papier — Évaluation partagée" }];

const MAX_ROWS = 200;
const SHOWN_ROWS = 20;

export async function loader(args: LoaderFunctionArgs) {
  return loadForWorkshopRunner(args, getPaperPage, "campaignId");
}

// Double entry keeps its state in the page, not the database: the first entry travels in a
// hidden field to the second, the cells to retype in a hidden field to the final save.
const rowsSchema = z.array(z.record(z.string(), z.string())).max(MAX_ROWS);
const cellsSchema = z.array(z.object({ line: z.number().int().min(1).max(MAX_ROWS), column: z.string() })).max(MAX_ROWS * 50);
const intentSchema = z.enum(["save", "first", "second"]).catch("save");

function parseHidden<T>(schema: z.ZodType<T>, text: string, empty: T): T {
  if (text === "") return empty;
  try {
    return schema.parse(JSON.parse(text));
  } catch {
    throw new Response("Bad request", { status: 400 });
  }
}

type Mode = "entry" | "second" | "resolve";
type Cell = { line: number; column: string };
type Reply = { mode: Mode; saved: number; firstSheets: number; rows: Record<string, string>[]; groupId: string; projectId: string; first: Record<string, string>[] | null; toResolve: Cell[]; differences: EntryDifference[]; fieldErrors: Record<string, string[]>; formErrors: string[] };

export async function action({ request, params }: ActionFunctionArgs): Promise<Reply> {
  const member = await requireWorkshopRunner(request);
  const campaignId = params.campaignId ?? "";
  const form = await readFormData(request);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  // Cells are named r<row>.<indicator id>; rows kept in order.
  const typed: Record<string, string>[] = [];
  for (const [name, value] of form.entries()) {
    const match = /^r(\d+)\.(.+)$/.exec(name);
    const row = match ? Number(match[1]) : 0;
    if (!match?.[2] || typeof value !== "string" || row < 1 || row > MAX_ROWS) continue;
    (typed[row - 1] ??= {})[match[2]] = value;
  }
  const batch = { groupId: text("groupId"), projectId: text("projectId"), rows: Array.from(typed, (r) => r ?? {}) };
  const first = parseHidden(rowsSchema, text("first"), null);
  const toResolve = parseHidden(cellsSchema, text("toResolve"), []);
  const reply = { saved: 0, firstSheets: 0, ...batch, first: null, toResolve: [], differences: [], fieldErrors: {}, formErrors: [] };
  const intent = intentSchema.parse(text("intent"));

  if (intent === "first") {
    const kept = await checkFirstEntry(db, member.territoryId, campaignId, batch);
    if (!kept.ok) return { ...reply, mode: "entry", ...(await translateFailure(request, kept)) };
    return { ...reply, mode: "second", rows: [], first: batch.rows, firstSheets: kept.sheets };
  }
  if (intent === "second" && first) {
    const compared = await recordDoubleEntry(db, member.territoryId, campaignId, { ...batch, first });
    if (!compared.ok) return { ...reply, mode: "second", first, ...(await translateFailure(request, compared)) };
    if (compared.status === "saved") return { ...reply, mode: "entry", rows: [], saved: compared.saved };
    return { ...reply, mode: "resolve", rows: compared.agreed, toResolve: compared.differences.map((d) => ({ line: d.line, column: d.column })), differences: compared.differences };
  }
  const result = await recordPaperBatch(db, member.territoryId, campaignId, { ...batch, toResolve });
  if (result.ok) return { ...reply, mode: "entry", rows: [], saved: result.saved };
  return { ...reply, mode: toResolve.length > 0 ? "resolve" : "entry", toResolve, ...(await translateFailure(request, result)) };
}

export default function PaperEntry() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const mode = reply?.mode ?? "entry";
  const rows = reply?.rows ?? [];
  const rowCount = Math.min(MAX_ROWS, Math.max(SHOWN_ROWS, (reply?.first?.length ?? rows.length) + 5));
  const label = (id: string) => localized(t.locale, data.columns.find((c) => c.indicatorId === id)?.label ?? { fr: id, en: id });
  const blank = (value: string) => value || t("paper.double.blank");
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${data.campaign.id}`}>← <FrenchText>{data.campaign.title}</FrenchText></Link> · <Link to={`/campaigns/${data.campaign.id}/paper/import`}>{t("paper.importTitle")}</Link>
      </p>
      <h1>{t("paper.title", { title: data.campaign.title })}</h1>
      {!data.campaign.isOpen ? (
        <p className="muted">{t("paper.notOpen")}</p>
      ) : (
        <>
          <p className="hint">{t("paper.intro")}</p>
          <p className="hint">{t("paper.double.hint")}</p>
          {reply?.saved ? (
            <p role="status" data-testid="paper-saved">
              {t("paper.saved", { count: reply.saved })}
            </p>
          ) : null}
          {mode === "second" && !reply?.formErrors.length ? (
            <p role="status" data-testid="first-kept">
              {t("paper.double.firstKept", { count: reply?.firstSheets ?? 0 })}
            </p>
          ) : null}
          {reply?.differences.length ? (
            <div role="alert" data-testid="differences">
              <p>{t("paper.double.differences", { count: reply.differences.length })}</p>
              <ul>
                {reply.differences.map((d) => (
                  <li key={`${d.line}-${d.column}`}>{t("paper.double.difference", { line: d.line, column: label(d.column), first: blank(d.first), second: blank(d.second) })}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {reply?.formErrors.length ? (
            <div className="field-error" role="alert" data-testid="paper-errors">
              <p>{reply.formErrors.map((m) => t.dynamic(m)).join(" ")}</p>
              <ul>
                {Object.values(reply.fieldErrors)
                  .flat()
                  .map((m) => (
                    <li key={m}>{m}</li>
                  ))}
              </ul>
            </div>
          ) : null}
          {/* A new key after each reply: the grid shows what the server sent back, not the old inputs. */}
          <Form method="post" className="stack" key={JSON.stringify([mode, reply?.saved, reply?.differences.length, reply?.formErrors])}>
            <PlainSelect id="groupId" label={t("paper.group")} defaultValue={reply?.groupId} options={data.groups.map((g) => ({ value: g.id, label: localized(t.locale, g.label) }))} />
            <PlainSelect id="projectId" label={t("paper.project")} defaultValue={reply?.projectId} options={data.projects.map((p) => ({ value: p.id, label: p.name }))} />
            {reply?.first ? <input type="hidden" name="first" value={JSON.stringify(reply.first)} /> : null}
            {reply?.toResolve.length ? <input type="hidden" name="toResolve" value={JSON.stringify(reply.toResolve)} /> : null}
            <PaperGrid
              caption={t("paper.title", { title: data.campaign.title })}
              columns={data.columns}
              rowCount={rowCount}
              rows={rows}
              fieldErrors={reply?.fieldErrors ?? {}}
              marked={new Set((reply?.toResolve ?? []).map((c) => `r${c.line}.${c.column}`))}
            />
            <div className="actions">
              {mode === "second" ? (
                <button type="submit" name="intent" value="second">
                  {t("paper.double.compare")}
                </button>
              ) : (
                <>
                  <button type="submit" name="intent" value="save">
                    {t("paper.save")}
                  </button>
                  {mode === "entry" ? (
                    <button type="submit" name="intent" value="first" className="secondary">
                      {t("paper.double.keepFirst")}
                    </button>
                  ) : null}
                </>
              )}
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
