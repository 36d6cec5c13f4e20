import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/db.server";
import { useT } from "~/i18n/use-t";
import { failureText } from "~/lib/failure-reply.server";
import { MAX_CSV_IMPORT_BYTES } from "~/lib/http/body-limit";
import { readFormData, readUploadFormData } from "~/lib/http/form-data.server";
import { ownedParam } from "~/lib/owned-param.server";
import { requireWorkshopRunner, loadForWorkshopRunner } from "~/lib/workshop-runner.server";
import { getPaperPage, importPaperCsv } from "~/modules/paper/paper.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.paperImport"));

// Two POSTs that work without JavaScript: the upload answers with a preview carrying the decoded
// text in a hidden field; the confirm sends that text back and the module checks it again.

export async function loader(args: LoaderFunctionArgs) {
  return loadForWorkshopRunner(args, getPaperPage, "campaignId");
}

const confirmSchema = z.object({ csv: z.string(), mode: z.enum(["import", "importSkippingBadRows"]) });

type Reply = { error: string | null; preview: { sheets: number; lines: number; errors: { line: number; key: string; params?: Record<string, string | number> }[]; csv: string } | null; imported: { saved: number; skipped: number } | null };

export async function action({ request, params }: ActionFunctionArgs): Promise<Reply> {
  const member = await requireWorkshopRunner(request);
  const campaignId = await ownedParam(member, params, "campaignId");
  let input: { bytes: Uint8Array; mode: "preview" | "import" | "importSkippingBadRows" };
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const form = await readUploadFormData(request, MAX_CSV_IMPORT_BYTES);
    const file = form === "tooLarge" ? null : form.get("file");
    if (!(file instanceof Blob) || file.size === 0) return { error: "invitations.csv.fileRequired", preview: null, imported: null };
    input = { bytes: new Uint8Array(await file.arrayBuffer()), mode: "preview" };
  } else {
    const parsed = confirmSchema.safeParse(Object.fromEntries(await readFormData(request)));
    if (!parsed.success) throw new Response("Bad request", { status: 400 });
    input = { bytes: new TextEncoder().encode(parsed.data.csv), mode: parsed.data.mode };
  }
  const result = await importPaperCsv(db, member.territoryId, campaignId, input);
  if (result.status === "refused") return { error: await failureText(request, result.failure), preview: null, imported: null };
  if (result.status === "imported") return { error: null, preview: null, imported: { saved: result.saved, skipped: result.skipped } };
  return { error: null, preview: { sheets: result.sheets, lines: result.lines, errors: result.errors, csv: result.text }, imported: null };
}

export default function PaperImport() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const preview = reply?.preview;
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${data.campaign.id}/paper`}>← {t("paper.link")}</Link>
      </p>
      <h1>{t("paper.importTitle")}</h1>
      <p className="hint">{t("paper.importIntro")}</p>
      <p>
        <a href={`/campaigns/${data.campaign.id}/paper/template`} download>
          {t("paper.template")}
        </a>
      </p>
      {reply?.error ? (
        <p className="field-error" role="alert">
          {t.dynamic(reply.error)}
        </p>
      ) : null}
      {reply?.imported ? (
        <p role="status" data-testid="paper-imported">
          {t("paper.imported", { count: reply.imported.saved, skipped: reply.imported.skipped })}
        </p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="stack">
        <div className="field">
          <label htmlFor="file">{t("paper.file")}</label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" />
        </div>
        <div className="actions">
          <button type="submit">{t("paper.preview")}</button>
        </div>
      </Form>
      {preview ? (
        <Form method="post" className="stack" data-testid="paper-preview">
          <p role="status">{t("paper.previewSummary", { sheets: preview.sheets, lines: preview.lines, errors: preview.errors.length })}</p>
          {preview.errors.length > 0 ? (
            <ul className="field-error">
              {preview.errors.map((e) => (
                <li key={`${e.line}-${e.key}-${String(e.params?.column ?? "")}`}>{t.dynamic(e.key, e.params)}</li>
              ))}
            </ul>
          ) : null}
          <input type="hidden" name="csv" value={preview.csv} />
          <div className="actions">
            {preview.errors.length === 0 ? (
              <button type="submit" name="mode" value="import">
                {t("paper.importAll")}
              </button>
            ) : (
              <button type="submit" name="mode" value="importSkippingBadRows">
                {t("paper.importSkipping")}
              </button>
            )}
          </div>
        </Form>
      ) : null}
    </section>
  );
}
