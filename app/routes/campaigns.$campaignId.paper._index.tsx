import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { type FormEvent, useState } from "react";
import { db } from "~/db.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { translateFailure } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { WORKSHOP_RUNNERS } from "~/modules/accounts/roles";
import { requireMember } from "~/modules/accounts/guard.server";
import { getPaperPage, recordPaperBatch } from "~/modules/paper/paper.server";
import { FrenchText } from "~/components/french-text";

export const meta: MetaFunction = () => [{ title: "Questionnaires papier — Évaluation partagée" }];

const MAX_ROWS = 200;
const SHOWN_ROWS = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, WORKSHOP_RUNNERS);
  return getPaperPage(db, member.territoryId, params.campaignId ?? "");
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, WORKSHOP_RUNNERS);
  const form = await readFormData(request);
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  // Cells are named r<row>.<indicator id>; rows kept in order, empty trailing rows dropped.
  const rows: Record<string, string>[] = [];
  for (const [name, value] of form.entries()) {
    const match = /^r(\d+)\.(.+)$/.exec(name);
    const row = match ? Number(match[1]) : 0;
    if (!match?.[2] || typeof value !== "string" || row < 1 || row > MAX_ROWS) continue;
    (rows[row - 1] ??= {})[match[2]] = value;
  }
  const batch = { groupId: text("groupId"), projectId: text("projectId"), rows: Array.from(rows, (r) => r ?? {}) };
  const result = await recordPaperBatch(db, member.territoryId, params.campaignId ?? "", batch);
  if (result.ok) return { saved: result.saved, typed: null, fieldErrors: {} as Record<string, string[]>, formErrors: [] as string[] };
  return { saved: 0, typed: batch, ...(await translateFailure(request, result)) };
}

export default function PaperEntry() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const typed = reply?.typed;
  const rowCount = Math.min(MAX_ROWS, Math.max(SHOWN_ROWS, (typed?.rows.length ?? 0) + 5));
  const countTyped = (rows: readonly Record<string, string>[]) => rows.filter((r) => Object.values(r).some((v) => v.trim() !== "")).length;
  const [typedCount, setTypedCount] = useState(countTyped(typed?.rows ?? []));
  // Keyboard first: one key per answer moves to the next cell; the running count follows.
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.name.startsWith("r")) return;
    const form = event.currentTarget;
    if (input.dataset.single === "1" && input.value.length === 1) {
      const cells = [...form.querySelectorAll<HTMLInputElement>("input[data-cell]")];
      cells[cells.indexOf(input) + 1]?.focus();
    }
    const filled = new Set([...form.querySelectorAll<HTMLInputElement>("input[data-cell]")].filter((c) => c.value.trim() !== "").map((c) => c.dataset.row));
    setTypedCount(filled.size);
  };
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
          {reply?.saved ? (
            <p role="status" data-testid="paper-saved">
              {t("paper.saved", { count: reply.saved })}
            </p>
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
          <Form method="post" className="stack" onInput={onInput} key={reply?.saved ? `saved-${reply.saved}-${Date.now()}` : "entry"}>
            <div className="field">
              <label htmlFor="groupId">{t("paper.group")}</label>
              <select id="groupId" name="groupId" defaultValue={typed?.groupId}>
                {data.groups.map((g) => (
                  <option key={g.id} value={g.id}>
                    {localized(t.locale, g.label)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="projectId">{t("paper.project")}</label>
              <select id="projectId" name="projectId" defaultValue={typed?.projectId}>
                {data.projects.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
            <p role="status" data-testid="typed-count">
              {t("paper.typed", { count: typedCount })}
            </p>
            <div className="table-scroll" role="region" aria-label={t("paper.title", { title: data.campaign.title })} tabIndex={0}>
              <table className="paper-grid">
                <thead>
                  <tr>
                    <th scope="col">{t("paper.sheet")}</th>
                    {data.columns.map((c) => (
                      <th key={c.indicatorId} scope="col" title={localized(t.locale, c.label)}>
                        {c.indicatorId}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {Array.from({ length: rowCount }, (_, i) => (
                    <tr key={i}>
                      <th scope="row">{i + 1}</th>
                      {data.columns.map((c) => {
                        const name = `r${i + 1}.${c.indicatorId}`;
                        const error = reply?.fieldErrors[name];
                        return (
                          <td key={c.indicatorId}>
                            <input
                              name={name}
                              data-cell=""
                              data-row={i + 1}
                              data-single={c.scaleType === "likert" || c.scaleType === "yes_no" ? "1" : undefined}
                              aria-label={`${t("paper.sheet")} ${i + 1} — ${localized(t.locale, c.label)}`}
                              aria-invalid={error ? true : undefined}
                              title={error?.join(" ")}
                              defaultValue={typed?.rows[i]?.[c.indicatorId] ?? ""}
                              inputMode="numeric"
                              autoComplete="off"
                              size={2}
                              maxLength={c.scaleType === "number" ? 12 : 2}
                              className={error ? "cell cell--error" : "cell"}
                            />
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div className="actions">
              <button type="submit">{t("paper.save")}</button>
            </div>
          </Form>
        </>
      )}
    </section>
  );
}
