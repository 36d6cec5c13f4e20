import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { db } from "~/db.server";
import { failureText } from "~/lib/failure-reply.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { PERMISSIONS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import type { ImportCheck } from "~/modules/invitations/csv-import";
import { confirmImportSchema } from "~/modules/invitations/forms";
import { importInvitations, loadImportPage, previewInvitationUpload } from "~/modules/invitations/import.server";
import { DataTable } from "~/components/data-table";
import { ImportForm } from "~/components/invitations/invitation-forms";
import { readFormData, readUploadFormData } from "~/lib/http/form-data.server";
import { MAX_CSV_IMPORT_BYTES } from "~/lib/http/body-limit";
import { routeParam } from "~/lib/route-params";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.importList"));

// The import has two steps, both POSTs that work without JavaScript: the upload answers with
// a preview that carries the decoded text in a hidden field; the confirm re-checks that text.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  return await loadImportPage(db, member.territoryId, routeParam(params, "campaignId"));
}

type Preview = { csv: string; check: ImportCheck | null; error: string | null };

async function readUpload(request: Request): Promise<{ bytes: Uint8Array } | { error: string }> {
  const formData = await readUploadFormData(request, MAX_CSV_IMPORT_BYTES);
  if (formData === "tooLarge") return { error: "invitations.csv.fileTooLarge" };
  const file = formData.get("file");
  if (!(file instanceof Blob) || file.size === 0) return { error: "invitations.csv.fileRequired" };
  return { bytes: new Uint8Array(await file.arrayBuffer()) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, PERMISSIONS.manageInvitations);
  const campaignId = routeParam(params, "campaignId");
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const upload = await readUpload(request);
    if ("error" in upload) return data<Preview>({ csv: "", check: null, error: upload.error }, { status: 400 });
    const preview = await previewInvitationUpload(db, member.territoryId, campaignId, upload.bytes);
    if (!preview.check.ok) return data<Preview>({ csv: preview.text, check: null, error: await failureText(request, preview.check) }, { status: 400 });
    return { csv: preview.text, check: preview.check, error: null };
  }
  const parsed = confirmImportSchema.safeParse(Object.fromEntries(await readFormData(request)));
  const csv = parsed.success ? parsed.data.csv : "";
  const result = await importInvitations(db, member, campaignId, csv, parsed.success && parsed.data.skipBadLines === "on");
  if (result.ok) return redirect(`/campaigns/${campaignId}/invitations#personal`, { headers: await flash(request, { key: "invitations.csv.imported", params: { count: result.imported } }) });
  const error = result.formErrors.length > 0 ? await failureText(request, result) : null;
  return data<Preview>({ csv, check: result.check, error }, { status: 400 });
}

/** A table of the file's lines: the line number first, then the columns. */
function LineTable({ title, columns, rows }: { title: string; columns: string[]; rows: { key: string | number; line: number; cells: ReactNode[] }[] }) {
  const t = useT();
  return (
    <>
      <h2>{title}</h2>
      <DataTable label={title} columns={[{ label: t("invitations.csv.line"), numeric: true }, ...columns.map((column) => ({ label: column }))]} rows={rows.map((row) => ({ key: row.key, cells: [row.line, ...row.cells] }))} />
    </>
  );
}

export default function ImportPreview() {
  const t = useT();
  const { campaign, groups, neighbourhoods, canAdd } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { csv, check, error } = data ?? { csv: "", check: null, error: canAdd ? null : "invitations.errors.closed" };
  const groupLabel = (id: string) => localized(t.locale, groups.find((g) => g.id === id)?.label ?? { fr: id, en: id });
  return (
    <section className="page">
      <p>
        <Link to={`/campaigns/${campaign.id}/invitations#personal`}>← {t("invitations.back")}</Link>
      </p>
      <h1>{t("invitations.csv.previewTitle", { title: campaign.title })}</h1>
      {!data && canAdd ? <ImportForm campaignId={campaign.id} groups={groups} neighbourhoods={neighbourhoods} /> : null}
      {error ? (
        <div className="error-summary" role="alert">
          {t.dynamic(error)}
        </div>
      ) : null}
      {check?.ok ? (
        <>
          <p>
            <strong>{t("invitations.csv.summary", { valid: check.rows.length, invalid: new Set(check.errors.map((e) => e.line)).size })}</strong>
          </p>
          {check.errors.length > 0 ? (
            <>
              <LineTable
                title={t("invitations.csv.errorsTitle")}
                columns={[t("invitations.csv.problem")]}
                rows={check.errors.map((e, index) => ({ key: `${e.line}-${index}`, line: e.line, cells: [t.dynamic(e.key, e.params)] }))}
              />
            </>
          ) : null}
          {check.rows.length > 0 ? (
            <>
              <LineTable
                title={t("invitations.csv.validTitle")}
                columns={[t("invitations.columns.name"), t("invitations.columns.email"), t("invitations.group"), t("invitations.neighbourhood")]}
                rows={check.rows.map((r) => ({ key: r.line, line: r.line, cells: [r.name ?? "—", r.email, groupLabel(r.groupId), r.neighbourhood ?? "—"] }))}
              />
              <Form method="post" className="stack">
                <input type="hidden" name="csv" value={csv} />
                {check.errors.length > 0 ? (
                  <div className="field field--checkbox">
                    <input id="skip-bad-lines" type="checkbox" name="skipBadLines" aria-describedby="skip-bad-lines-hint" />
                    <label htmlFor="skip-bad-lines">{t("invitations.csv.skipBadLines")}</label>
                    <p id="skip-bad-lines-hint" className="hint">
                      {t("invitations.csv.skipHint")}
                    </p>
                  </div>
                ) : null}
                <div className="actions">
                  <button type="submit">{t("invitations.csv.confirm")}</button>
                </div>
              </Form>
            </>
          ) : (
            <p>{t("invitations.csv.noneValid")}</p>
          )}
        </>
      ) : null}
      {data ? (
        <p>
          <Link to={`/campaigns/${campaign.id}/invitations/import`}>{t("invitations.csv.another")}</Link>
        </p>
      ) : null}
    </section>
  );
}
