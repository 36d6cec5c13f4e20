import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { FormErrorSummary } from "~/components/form/fields";
import { db } from "~/db.server";
import { translateFailure } from "~/lib/failure-reply.server";
import { formFailure } from "~/modules/failure";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { COUNCIL_EDITORS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { publishFrameworkDraft, startNewDraft } from "~/modules/frameworks/drafts.server";
import { getFrameworkPage } from "~/modules/frameworks/frameworks.server";
import { DraftIssues } from "~/components/frameworks/draft-issues";
import { FrameworkDocument } from "./framework-document";
import { Breadcrumbs, DiffLink, frameworkCrumbs, VersionStatus } from "~/components/frameworks/framework-header";
import { readFormData } from "~/lib/http/form-data.server";
import { ownedParam } from "~/lib/owned-param.server";
import { routeParam } from "~/lib/route-params";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => titleMeta(matches, (t) => (data ? localized(t.locale, data.version.definition.title) : t("titles.framework")));

const versionParam = z.coerce.number().int().min(1).max(100_000);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireMember(request);
  const asked = new URL(request.url).searchParams.get("version");
  // An unreadable number is a version that does not exist (null): 404.
  const number = asked === null ? undefined : (versionParam.safeParse(asked).data ?? null);
  const { framework, version, hasDraft, latestPublished, diffAgainst } = await getFrameworkPage(db, member.territoryId, routeParam(params, "frameworkId"), number);
  return {
    framework: { id: framework.id, isStarter: framework.isStarter, forkedFrom: framework.forkedFrom, versions: framework.versions.map(({ definition: _d, ...summary }) => summary) },
    version,
    canEdit: COUNCIL_EDITORS.includes(member.role),
    hasDraft,
    latestPublished,
    diffAgainst,
  };
}

const actionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("publish"), confirm: z.literal("on", { error: "frameworks.errors.confirmPublish" }) }), z.object({ intent: z.literal("newDraft") })]);

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  const frameworkId = await ownedParam(member, params, "frameworkId");
  const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) return data(await translateFailure(request, formFailure(parsed.error.issues[0]?.path[0] === "confirm" ? "frameworks.errors.confirmPublish" : "frameworks.errors.noDraft")), { status: 400 });
  if (parsed.data.intent === "publish") {
    const result = await publishFrameworkDraft(db, member, frameworkId);
    if (!result.ok) return data(await translateFailure(request, result), { status: 400 });
    return redirect(`/frameworks/${frameworkId}?version=${result.versionNumber}`, { headers: await flash(request, { key: "frameworks.detail.published", params: { number: result.versionNumber } }) });
  }
  const result = await startNewDraft(db, member, frameworkId);
  if (!result.ok) return data(await translateFailure(request, result), { status: 400 });
  return redirect(`/frameworks/${frameworkId}?version=${result.versionNumber}`, { headers: await flash(request, { key: "frameworks.detail.newDraftDone", params: { number: result.versionNumber } }) });
}

export default function FrameworkPage() {
  const t = useT();
  const { framework, version, canEdit, hasDraft, latestPublished, diffAgainst } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const definition = version.definition;
  const isOwn = !framework.isStarter;
  const isDraft = version.status === "draft";
  const title = localized(t.locale, definition.title);
  return (
    <section className="page">
      <Breadcrumbs crumbs={frameworkCrumbs(t, { id: framework.id, title }, version, false)} />
      <h1>{title}</h1>
      <VersionStatus number={version.number} status={version.status} publishedAt={version.publishedAt} isStarter={framework.isStarter} />
      {framework.forkedFrom ? (
        <p className="muted">
          <Link to={`/frameworks/${framework.forkedFrom.frameworkId}?version=${framework.forkedFrom.versionNumber}`}>
            {t("frameworks.library.forkedFrom", { title: localized(t.locale, framework.forkedFrom.title) })}
          </Link>
        </p>
      ) : null}
      <p>{localized(t.locale, definition.description)}</p>
      <div className={isDraft ? "warning" : "notice"}>
        <p>{framework.isStarter ? t("frameworks.detail.starterNotice") : isDraft ? t("frameworks.detail.draftNotice") : t("frameworks.detail.publishedNotice")}</p>
        {isDraft && diffAgainst ? (
          <p>
            <DiffLink frameworkId={framework.id} draftId={version.id} against={diffAgainst} />
          </p>
        ) : null}
      </div>

      <FormErrorSummary errors={actionData?.formErrors} />
      {version.issues.length > 0 ? <DraftIssues issues={version.issues} /> : null}

      <h2>{t("frameworks.detail.actions")}</h2>
      <div className="actions">
        {canEdit ? (
          <Link className="button" to={`/frameworks/${framework.id}/fork?version=${version.number}`}>
            {t("frameworks.detail.fork")}
          </Link>
        ) : null}
        {canEdit && isOwn && isDraft ? (
          <Link className="button" to={`/frameworks/${framework.id}/edit`}>
            {t("frameworks.detail.edit")}
          </Link>
        ) : null}
        {canEdit && isOwn && !hasDraft ? (
          <Form method="post">
            <input type="hidden" name="intent" value="newDraft" />
            <button type="submit" className="button--secondary">
              {t("frameworks.detail.newDraft")}
            </button>
          </Form>
        ) : null}
        <a className="button button--secondary" href={`/frameworks/${framework.id}/export?version=${version.number}`} download>
          {t("frameworks.detail.export")}
        </a>
        <Link className="button button--secondary" to={`/frameworks/${framework.id}/diff`}>
          {t("frameworks.detail.diff")}
        </Link>
        {canEdit && latestPublished && version.status === "published" ? (
          <Link className="button button--secondary" to={`/campaigns/new?framework=${version.id}`}>
            {t("frameworks.detail.useInCampaign")}
          </Link>
        ) : null}
      </div>

      {canEdit && isOwn && isDraft ? (
        <Form method="post" className="stack publish-form">
          <h3 id="publish">{t("frameworks.detail.publishTitle", { number: String(version.number) })}</h3>
          <p>{t("frameworks.detail.publishMeaning")}</p>
          <input type="hidden" name="intent" value="publish" />
          <div className="field field--checkbox">
            <input id="publish-confirm" type="checkbox" name="confirm" required />
            <label htmlFor="publish-confirm">{t("frameworks.detail.publishConfirm")}</label>
          </div>
          <div className="actions">
            <button type="submit">{t("frameworks.detail.publish")}</button>
          </div>
        </Form>
      ) : null}

      <h2>{t("frameworks.detail.otherVersions")}</h2>
      <ul>
        {framework.versions.map((v) => (
          <li key={v.id}>
            {v.number === version.number ? (
              <strong aria-current="page">
                {t("frameworks.library.version", { number: String(v.number) })} ({t("frameworks.detail.current")})
              </strong>
            ) : (
              <Link to={`?version=${v.number}`}>{t("frameworks.library.version", { number: String(v.number) })}</Link>
            )}{" "}
            <span className={`badge badge--${v.status}`}>{t(`frameworks.library.status.${v.status}`)}</span>
          </li>
        ))}
      </ul>

      <FrameworkDocument definition={definition} />
    </section>
  );
}
