import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { readUploadFormData } from "~/lib/http/form-data.server";
import { formatDate, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { COUNCIL_EDITORS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { importFrameworkFile, MAX_FRAMEWORK_FILE_BYTES } from "~/modules/frameworks/files.server";
import { listFrameworkLibrary } from "~/modules/frameworks/frameworks.server";
import type { FrameworkIssue } from "../../evaluation-frameworks/schema";

export const meta: MetaFunction = () => [{ title: "Cadres d'évaluation — Évaluation partagée" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const frameworks = await listFrameworkLibrary(db, member.territoryId);
  return { frameworks, canEdit: COUNCIL_EDITORS.includes(member.role) };
}

type ImportReply = { issues: FrameworkIssue[] } | { errorKey: string };

/** Import of a framework file: multipart, size-limited in memory, fully validated before any write. */
export async function action({ request }: ActionFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  const formData = await readUploadFormData(request, MAX_FRAMEWORK_FILE_BYTES);
  if (formData === "tooLarge") return data<ImportReply>({ errorKey: "frameworks.errors.fileTooLarge" }, { status: 400 });
  const file = formData.get("file");
  if (!file || typeof file === "string" || file.size === 0) return data<ImportReply>({ errorKey: "frameworks.errors.fileMissing" }, { status: 400 });
  const result = await importFrameworkFile(db, member, await file.text());
  if (!result.ok) return data<ImportReply>({ issues: result.issues }, { status: 400 });
  return redirect(`/frameworks/${result.frameworkId}`, { headers: await flash(request, { key: "frameworks.import.done", params: { number: result.versionNumber } }) });
}

type Library = ReturnType<typeof useLoaderData<typeof loader>>["frameworks"];

function FrameworkCard({ framework }: { framework: Library[number] }) {
  const t = useT();
  const latest = framework.versions[0];
  const title = localized(t.locale, framework.title);
  return (
    <li className="card">
      <h3>
        <Link to={`/frameworks/${framework.id}`} aria-label={t("frameworks.library.open", { title })}>
          {title}
        </Link>
      </h3>
      {framework.forkedFrom?.title ? <p className="muted">{t("frameworks.library.forkedFrom", { title: localized(t.locale, framework.forkedFrom.title) })}</p> : null}
      <p>{localized(t.locale, framework.description)}</p>
      {latest ? <p className="muted">{t("frameworks.library.counts", { dimensions: latest.dimensions, indicators: latest.indicators })}</p> : null}
      <h4 className="card__subheading">{t("frameworks.library.versions")}</h4>
      <ul className="version-list">
        {framework.versions.map((v) => (
          <li key={v.id}>
            <Link to={`/frameworks/${framework.id}?version=${v.number}`}>{t("frameworks.library.version", { number: String(v.number) })}</Link>{" "}
            <span className={`badge badge--${v.status}`}>{t(`frameworks.library.status.${v.status}`)}</span>{" "}
            <span className="muted">
              {v.publishedAt ? t("frameworks.library.publishedOn", { date: formatDate(t.locale, v.publishedAt) }) : t("frameworks.library.createdOn", { date: formatDate(t.locale, v.createdAt) })}
            </span>
          </li>
        ))}
      </ul>
    </li>
  );
}

export function ImportIssues({ reply }: { reply: ImportReply | undefined }) {
  const t = useT();
  if (!reply) return null;
  if ("errorKey" in reply) {
    return (
      <div className="error-summary" role="alert">
        {t.dynamic(reply.errorKey)}
      </div>
    );
  }
  return (
    <div className="error-summary" role="alert">
      <p>{t("frameworks.import.refused")}</p>
      <ul>
        {reply.issues.map((issue, index) => (
          <li key={index}>
            <strong>{issue.path ? t("frameworks.import.where", { path: issue.path }) : t("frameworks.import.wholeFile")}</strong> — {issue.message[t.locale]}
          </li>
        ))}
      </ul>
    </div>
  );
}

export default function Frameworks() {
  const t = useT();
  const { frameworks, canEdit } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const starter = frameworks.filter((f) => f.isStarter);
  const own = frameworks.filter((f) => !f.isStarter);
  return (
    <section className="page">
      <h1>{t("frameworks.library.title")}</h1>
      <p className="muted">{t("frameworks.library.intro")}</p>
      <h2>{t("frameworks.library.own")}</h2>
      {own.length === 0 ? <p>{t("frameworks.library.noOwn")}</p> : null}
      <ul className="cards">
        {own.map((f) => (
          <FrameworkCard key={f.id} framework={f} />
        ))}
      </ul>
      <h2>{t("frameworks.library.starter")}</h2>
      <ul className="cards">
        {starter.map((f) => (
          <FrameworkCard key={f.id} framework={f} />
        ))}
      </ul>
      {canEdit ? (
        <>
          <h2 id="import">{t("frameworks.import.title")}</h2>
          <ImportIssues reply={reply} />
          <Form method="post" encType="multipart/form-data" className="stack">
            <div className="field">
              <label htmlFor="framework-file">{t("frameworks.import.file")}</label>
              <p id="framework-file-hint" className="hint">
                {t("frameworks.import.hint")}
              </p>
              <input id="framework-file" type="file" name="file" accept="application/json,.json" aria-describedby="framework-file-hint" />
            </div>
            <div className="actions">
              <button type="submit">{t("frameworks.import.submit")}</button>
            </div>
          </Form>
        </>
      ) : null}
    </section>
  );
}
