import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { db } from "~/db.server";
import { formatDate, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { failureText } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { ownedParam } from "~/lib/owned-param.server";
import { requireWorkshopRunner, loadForWorkshopRunner } from "~/lib/workshop-runner.server";
import { PlainSelect } from "~/components/form/plain-select";
import { POSITION_KINDS } from "../../db/schema";
import { addWorkshopStory, getWorkshopFindingsPage, moderateWorkshopStory, recordWorkshopPosition } from "~/modules/workshops/findings.server";
import { moderationFormSchema, positionFormSchema, storyFormSchema } from "~/modules/workshops/workshop-form";
import { titleMeta } from "~/i18n/meta";
import { ModerationActions } from "~/components/moderation-actions";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.workshopFindings"));

export async function loader(args: LoaderFunctionArgs) {
  return loadForWorkshopRunner(args, getWorkshopFindingsPage, "workshopId");
}

type Reply = { intent: string; error: string | null; typed: Record<string, string> };

export async function action({ request, params }: ActionFunctionArgs): Promise<Reply> {
  const member = await requireWorkshopRunner(request);
  const workshopId = await ownedParam(member, params, "workshopId");
  const form = await readFormData(request);
  const typed = Object.fromEntries([...form.entries()].flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const intent = typed.intent ?? "";
  const schema = intent === "position" ? positionFormSchema : intent === "story" ? storyFormSchema : intent === "moderate" ? moderationFormSchema : null;
  if (!schema) throw new Response("Bad request", { status: 400 });
  const parsed = schema.safeParse(typed);
  if (!parsed.success) return { intent, error: parsed.error.issues.map((i) => i.message).join(" "), typed };
  const result =
    intent === "position"
      ? await recordWorkshopPosition(db, member.territoryId, workshopId, positionFormSchema.parse(typed))
      : intent === "story"
        ? await addWorkshopStory(db, member.territoryId, workshopId, storyFormSchema.parse(typed))
        : await moderateWorkshopStory(db, member.territoryId, workshopId, moderationFormSchema.parse(typed));
  return result.ok ? { intent, error: null, typed: {} } : { intent, error: await failureText(request, result), typed };
}

export default function WorkshopFindings() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const replyFor = (intent: string) => (reply?.intent === intent ? reply : null);
  const errorFor = (intent: string) => {
    const error = replyFor(intent)?.error;
    return error ? (
      <p className="field-error" role="alert">
        {t.dynamic(error)}
      </p>
    ) : null;
  };
  const typedPosition = replyFor("position")?.typed;
  const typedStory = replyFor("story")?.typed;
  const groupLabel = (id: string) => {
    const g = data.groups.find((x) => x.id === id);
    return g ? localized(t.locale, g.label) : id;
  };
  const dimensionLabel = (id: string) => {
    const d = data.dimensions.find((x) => x.id === id);
    return d ? localized(t.locale, d.label) : id;
  };
  return (
    <section className="page">
      <p>
        <Link to={`/workshops/${data.workshop.id}`}>← {t("workshops.backToBoard")}</Link>
      </p>
      <h1>
        {t("workshops.findings")} — {data.workshop.place}, {formatDate(t.locale, data.workshop.heldOn)}
      </h1>

      <h2>{t("workshops.position.title")}</h2>
      {data.positions.length > 0 ? (
        <ul className="stack" data-testid="positions">
          {data.positions.map((p) => {
            const indicator = data.indicators.find((i) => i.id === p.indicatorId);
            return (
              <li key={p.indicatorId}>
                <strong>{indicator ? localized(t.locale, indicator.label) : p.indicatorId}</strong> — {t(`workshops.position.${p.kind}`)} : {p.reasoning}
                {p.minorityView ? (
                  <>
                    <br />
                    {t("workshops.position.minorityView")}{t("typography.colon")}{p.minorityView}
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="position" />
        {errorFor("position")}
        <PlainSelect id="indicatorId" label={t("workshops.position.indicator")} defaultValue={typedPosition?.indicatorId} options={data.indicators.map((i) => ({ value: i.id, label: localized(t.locale, i.label) }))} />
        <fieldset>
          <legend>{t("workshops.position.kind")}</legend>
          {POSITION_KINDS.map((kind) => (
            <label key={kind} className="choice">
              <input type="radio" name="kind" value={kind} defaultChecked={typedPosition?.kind === kind} /> {t(`workshops.position.${kind}`)}
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="reasoning">{t("workshops.position.reasoning")}</label>
          <textarea id="reasoning" name="reasoning" rows={3} maxLength={4000} defaultValue={typedPosition?.reasoning} />
        </div>
        <div className="field">
          <label htmlFor="minorityView">{t("workshops.position.minorityView")}</label>
          <p className="hint">{t("workshops.position.minorityHint")}</p>
          <textarea id="minorityView" name="minorityView" rows={3} maxLength={4000} defaultValue={typedPosition?.minorityView} />
        </div>
        <div className="actions">
          <button type="submit">{t("workshops.position.save")}</button>
        </div>
      </Form>

      <h2>{t("workshops.story.title")}</h2>
      <p className="hint">{t("workshops.story.moderationIntro", { n: data.freeTextThreshold })}</p>
      <Form method="post" className="stack">
        <input type="hidden" name="intent" value="story" />
        {errorFor("story")}
        <div className="field">
          <label htmlFor="story-text">{t("workshops.story.text")}</label>
          <textarea id="story-text" name="text" rows={4} maxLength={4000} defaultValue={typedStory?.text} />
        </div>
        <PlainSelect id="dimensionId" label={t("workshops.story.dimension")} defaultValue={typedStory?.dimensionId} options={data.dimensions.map((d) => ({ value: d.id, label: localized(t.locale, d.label) }))} />
        <PlainSelect id="groupId" label={t("workshops.story.group")} defaultValue={typedStory?.groupId} options={data.groups.map((g) => ({ value: g.id, label: localized(t.locale, g.label) }))} />
        <label className="choice">
          <input type="checkbox" name="consent" /> {t("workshops.story.consent")}
        </label>
        <div className="actions">
          <button type="submit">{t("workshops.story.add")}</button>
        </div>
      </Form>

      {errorFor("moderate")}
      {data.stories.length === 0 ? (
        <p className="muted">{t("workshops.story.none")}</p>
      ) : (
        <ul className="stack" data-testid="stories">
          {data.stories.map((s) => (
            <li key={s.id} data-testid="story">
              <p>
                <span className="badge" data-testid="story-status">
                  {t(`workshops.story.${s.status}`)}
                </span>{" "}
                {dimensionLabel(s.dimensionId)} · {groupLabel(s.groupId)}
              </p>
              <blockquote>{s.text}</blockquote>
              <Form method="post" className="stack">
                <input type="hidden" name="intent" value="moderate" />
                <input type="hidden" name="storyId" value={s.id} />
                <div className="field">
                  <label htmlFor={`anon-${s.id}`}>{t("workshops.story.anonymiseHint")}</label>
                  <textarea id={`anon-${s.id}`} name="text" rows={3} maxLength={4000} defaultValue={s.text} />
                </div>
                <ModerationActions labels={{ approve: t("workshops.story.approve"), anonymise: t("workshops.story.anonymise"), reject: t("workshops.story.reject") }} />
              </Form>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
