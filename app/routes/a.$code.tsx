import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { db } from "~/db.server";
import { localized } from "~/i18n/i18n";
import { titleMeta } from "~/i18n/meta";
import { useT } from "~/i18n/use-t";
import { failureText } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { reachedOverHttps } from "~/lib/request.server";
import { DONT_KNOW } from "~/modules/surveys/questions";
import { valueLabel } from "~/modules/surveys/labels";
import type { ScriptsHandle } from "~/lib/page-scripts";
import { participantCookie, readParticipant } from "~/modules/workshops/participant-cookie.server";
import { getParticipantView, joinWorkshop, recordWorkshopVote } from "~/modules/workshops/votes.server";

// The participant's phone: no account, no JavaScript needed (a plain form, then a reload), so
// like the survey it ships no React runtime, only the offline-safe form script.
export const handle: ScriptsHandle = { scripts: "offline-forms" };

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("workshops.vote.title"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const code = params.code ?? "";
  const view = await getParticipantView(db, code, await readParticipant(request, code));
  if (!view) throw redirect(`/a?unknown=1`);
  if (view.joinCode !== code) throw redirect(`/a/${view.joinCode}`);
  return view;
}

const actionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("join"), groupId: z.string().default("") }),
  z.object({ intent: z.literal("vote"), indicatorId: z.string().default(""), value: z.string().default("") }),
]);

export async function action({ request, params }: ActionFunctionArgs) {
  const code = params.code ?? "";
  const parsed = actionSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const input = parsed.data;
  if (input.intent === "join") {
    const joined = await joinWorkshop(db, code, input.groupId);
    if (!joined.ok) return { error: await failureText(request, joined) };
    throw redirect(`/a/${joined.joinCode}`, { headers: { "Set-Cookie": await participantCookie(joined.joinCode, joined.participant, reachedOverHttps(request)) } });
  }
  const participant = await readParticipant(request, code);
  if (!participant) throw redirect(`/a/${code}`);
  const voted = await recordWorkshopVote(db, code, participant, input);
  if (!voted.ok) return { error: await failureText(request, voted) };
  throw redirect(`/a/${code}`);
}

export default function WorkshopPhone() {
  const t = useT();
  const view = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const error = actionData?.error;
  return (
    <section className="page narrow survey workshop-phone">
      <p className="muted">{view.place}</p>
      {error ? (
        <p className="field-error" role="alert">
          {t.dynamic(error)}
        </p>
      ) : null}
      {!view.isCampaignOpen ? (
        <p>{t("workshops.vote.campaignClosed")}</p>
      ) : !view.hasJoined ? (
        <Form method="post" className="stack">
          <input type="hidden" name="intent" value="join" />
          <fieldset>
            <legend>{t("workshops.join.groupLabel")}</legend>
            {view.groups.map((g, i) => (
              <label key={g.id} className="choice">
                <input type="radio" name="groupId" value={g.id} defaultChecked={i === 0} /> {localized(t.locale, g.label)}
              </label>
            ))}
          </fieldset>
          <div className="actions">
            <button type="submit">{t("workshops.join.submit")}</button>
          </div>
        </Form>
      ) : !view.indicator || view.voteState === "pending" ? (
        <WaitAndReload message={t("workshops.vote.waiting")} />
      ) : view.voteState === "closed" ? (
        <WaitAndReload message={t("workshops.vote.closed")} />
      ) : (
        <VoteForm indicator={view.indicator} ownVote={view.ownVote} />
      )}
    </section>
  );
}

function WaitAndReload({ message }: { message: string }) {
  const t = useT();
  return (
    <div className="stack">
      <p role="status">{message}</p>
      <Form method="get">
        <button type="submit">{t("workshops.vote.reload")}</button>
      </Form>
    </div>
  );
}

type View = Awaited<ReturnType<typeof loader>>;

function VoteForm({ indicator, ownVote }: { indicator: NonNullable<View["indicator"]>; ownVote: string | null }) {
  const t = useT();
  return (
    <Form method="post" className="stack">
      <input type="hidden" name="intent" value="vote" />
      <input type="hidden" name="indicatorId" value={indicator.id} />
      <fieldset>
        <legend>
          <h1>{localized(t.locale, indicator.question)}</h1>
        </legend>
        {indicator.help ? <p className="hint">{localized(t.locale, indicator.help)}</p> : null}
        {[...indicator.options, DONT_KNOW].map((value) => (
          <label key={value} className="choice">
            <input type="radio" name="value" value={value} defaultChecked={ownVote === value} required /> {valueLabel(indicator.scale, value, t)}
          </label>
        ))}
      </fieldset>
      {ownVote ? (
        <p role="status" data-testid="vote-recorded">
          {t("workshops.vote.recorded", { value: valueLabel(indicator.scale, ownVote, t) })}
        </p>
      ) : null}
      <div className="actions">
        <button type="submit">{ownVote ? t("workshops.vote.change") : t("workshops.vote.submit")}</button>
      </div>
    </Form>
  );
}
