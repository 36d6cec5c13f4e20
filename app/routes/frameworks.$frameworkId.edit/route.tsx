import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/db.server";
import { localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { requireMember } from "~/modules/accounts/guard.server";
import { COUNCIL_EDITORS } from "~/modules/accounts/roles";
import { flash } from "~/modules/accounts/session.server";
import { editFrameworkDraft, getFrameworkDraft } from "~/modules/frameworks/drafts.server";
import type { DraftEdit } from "~/modules/frameworks/editor";
import type { DimensionForm as DimensionInput, GroupForm as GroupInput, IndicatorForm as IndicatorInput, MetadataForm as MetadataInput, NewScaleForm as NewScaleInput, ScaleForm as ScaleInput, SourceForm as SourceInput } from "~/modules/frameworks/editor-forms";
import { dimensionFormSchema, groupFormSchema, indicatorFormSchema, metadataFormSchema, newScaleFormSchema, removeFormSchema, scaleFormSchema, sourceFormSchema } from "~/modules/frameworks/editor-forms";
import { Breadcrumbs, DiffLink, frameworkCrumbs, VersionStatus } from "~/components/frameworks/framework-header";
import { DraftIssues } from "~/components/frameworks/draft-issues";
import { DimensionForm, GroupForm, MetadataForm, SourceForm } from "./simple-forms";
import { IndicatorForm } from "./indicator-form";
import { itemAnchor, ItemLists } from "./item-lists";
import { ScaleForm } from "./scale-form";
import { readFormData } from "~/lib/http/form-data.server";
import { ownedParam } from "~/lib/owned-param.server";
import { replyWithFailure } from "~/lib/failure-reply.server";
import { isOneOf } from "~/lib/one-of";
import { routeParam } from "~/lib/route-params";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.editFramework"));

const EDITABLE = ["metadata", "dimension", "indicator", "group", "source", "scale"] as const;
type Editable = (typeof EDITABLE)[number];
const editParams = z.object({ edit: z.enum(EDITABLE).optional().catch(undefined), id: z.string().max(100).optional().catch(undefined) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const frameworkId = routeParam(params, "frameworkId");
  const member = await requireMember(request, COUNCIL_EDITORS);
  const draft = await getFrameworkDraft(db, member.territoryId, frameworkId);
  if (!draft) throw redirect(`/frameworks/${frameworkId}`);
  const search = editParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  return { frameworkId: frameworkId, versionId: draft.id, versionNumber: draft.versionNumber, definition: draft.definition, issues: draft.issues, diffAgainst: draft.diffAgainst, edit: search.edit ?? null, itemId: search.id ?? null };
}

type RemoveInput = z.infer<typeof removeFormSchema>;

// Each intent: its form schema and how a valid form becomes a DraftEdit.
const INTENTS = {
  metadata: { schema: metadataFormSchema, toEdit: (input: MetadataInput): DraftEdit => ({ kind: "metadata", input }) },
  dimension: { schema: dimensionFormSchema, toEdit: (input: DimensionInput): DraftEdit => ({ kind: "dimension", input }) },
  removeDimension: { schema: removeFormSchema, toEdit: (input: RemoveInput): DraftEdit => ({ kind: "removeDimension", id: input.id }) },
  indicator: { schema: indicatorFormSchema, toEdit: (input: IndicatorInput): DraftEdit => ({ kind: "indicator", input }) },
  removeIndicator: { schema: removeFormSchema, toEdit: (input: RemoveInput): DraftEdit => ({ kind: "removeIndicator", id: input.id }) },
  group: { schema: groupFormSchema, toEdit: (input: GroupInput): DraftEdit => ({ kind: "group", input }) },
  source: { schema: sourceFormSchema, toEdit: (input: SourceInput): DraftEdit => ({ kind: "source", input }) },
  removeSource: { schema: removeFormSchema, toEdit: (input: RemoveInput): DraftEdit => ({ kind: "removeSource", id: input.id }) },
  removeGroup: { schema: removeFormSchema, toEdit: (input: RemoveInput): DraftEdit => ({ kind: "removeGroup", id: input.id }) },
  scale: { schema: scaleFormSchema, toEdit: (input: ScaleInput): DraftEdit => ({ kind: "scale", input }) },
  removeScale: { schema: removeFormSchema, toEdit: (input: RemoveInput): DraftEdit => ({ kind: "removeScale", id: input.id }) },
  newScale: { schema: newScaleFormSchema, toEdit: (input: NewScaleInput): DraftEdit => ({ kind: "newScale", input }) },
};
type Intent = keyof typeof INTENTS;
const isIntent = (value: unknown): value is Intent => typeof value === "string" && Object.hasOwn(INTENTS, value);

export type EditorReply = { intent: Intent; result: SubmissionResult<string[]> };

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireMember(request, COUNCIL_EDITORS);
  const frameworkId = await ownedParam(member, params, "frameworkId");
  const formData = await readFormData(request);
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw new Response("Bad request", { status: 400 });
  const { schema, toEdit } = INTENTS[intent];
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data<EditorReply>({ intent, result: submission.reply() }, { status: 400 });
  const edit = (toEdit as (input: unknown) => DraftEdit)(submission.value);
  const result = await editFrameworkDraft(db, member, frameworkId, edit, Object.keys(schema.shape));
  if (!result.ok) return data<EditorReply>({ intent, result: await replyWithFailure(request, submission, result) }, { status: 400 });
  const removed = intent.startsWith("remove");
  // A save comes back to the edited item in the list (a 5 500 px page), not to its top.
  const next = intent === "newScale" && result.itemId ? `?edit=scale&id=${result.itemId}` : removed ? "" : `#${itemAnchor(intent, result.itemId)}`;
  return redirect(`/frameworks/${frameworkId}/edit${next}`, { headers: await flash(request, { key: removed ? "frameworks.editor.removed" : "frameworks.editor.saved" }) });
}

export default function EditFramework() {
  const t = useT();
  const { frameworkId, versionId, versionNumber, definition, issues, diffAgainst, edit, itemId } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  // After a rejected save, the form that was sent stays open with what was typed.
  const shown: Editable | null = reply && isOneOf(EDITABLE, reply.intent) ? reply.intent : edit;
  const lastResult = reply && reply.intent === shown ? reply.result : undefined;
  const shownId = reply && lastResult ? ((reply.result.initialValue?.id as string | undefined) ?? null) : itemId;
  const title = localized(t.locale, definition.title);
  const form = (() => {
    switch (shown) {
      case "metadata":
        return <MetadataForm definition={definition} lastResult={lastResult} />;
      case "dimension":
        return <DimensionForm definition={definition} itemId={shownId} lastResult={lastResult} />;
      case "indicator":
        return <IndicatorForm definition={definition} itemId={shownId} lastResult={lastResult} />;
      case "group":
        return <GroupForm definition={definition} itemId={shownId} lastResult={lastResult} />;
      case "source":
        return <SourceForm definition={definition} itemId={shownId} lastResult={lastResult} />;
      case "scale":
        return <ScaleForm definition={definition} itemId={shownId} lastResult={lastResult} />;
      default:
        return null;
    }
  })();
  return (
    <section className="page">
      <Breadcrumbs crumbs={[...frameworkCrumbs(t, { id: frameworkId, title }, { number: versionNumber, status: "draft" }, true), { label: t("frameworks.editor.crumb"), to: form ? `/frameworks/${frameworkId}/edit` : undefined }]} />
      <h1>{t("frameworks.editor.title", { title })}</h1>
      {form ? null : <VersionStatus number={versionNumber} status="draft" publishedAt={null} isStarter={false} />}
      {form ? (
        <p>
          <Link to={`/frameworks/${frameworkId}/edit`}>← {t("frameworks.editor.backToEditor")}</Link>
        </p>
      ) : (
        <div className="notice">
          <p>{t("frameworks.editor.intro")}</p>
          <p>
            {t("frameworks.detail.publishMeaning")} <Link to={`/frameworks/${frameworkId}?version=${versionNumber}#publish`}>{t("frameworks.editor.toPublish")}</Link>
          </p>
          {diffAgainst ? (
            <p>
              <DiffLink frameworkId={frameworkId} draftId={versionId} against={diffAgainst} />
            </p>
          ) : null}
        </div>
      )}
      {!form && issues.length > 0 ? <DraftIssues issues={issues} /> : null}
      {form ?? <ItemLists frameworkId={frameworkId} definition={definition} reply={reply && !lastResult ? reply : undefined} />}
    </section>
  );
}
