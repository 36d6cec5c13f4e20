import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { z } from "zod";
import { db } from "~/db.server";
import { formatNumber, localized } from "~/i18n/i18n";
import { useT } from "~/i18n/use-t";
import { failureText } from "~/lib/failure-reply.server";
import { readFormData } from "~/lib/http/form-data.server";
import { ownedParam } from "~/lib/owned-param.server";
import { publicBaseUrl } from "~/lib/request.server";
import { requireWorkshopRunner } from "~/lib/workshop-runner.server";
import { valueLabel } from "~/modules/surveys/labels";
import { getWorkshopBoardPage } from "~/modules/workshops/board-page.server";
import { type BoardUpdate, boardUpdateSchema } from "~/modules/workshops/board-update";
import { CONTROL_ACTIONS } from "~/modules/workshops/workshop-form";
import { controlWorkshop } from "~/modules/workshops/workshops.server";
import { titleMeta } from "~/i18n/meta";

export const meta: MetaFunction = ({ matches }) => titleMeta(matches, (t) => t("titles.liveWorkshop"));

export async function loader({ request, params }: LoaderFunctionArgs) {
  const member = await requireWorkshopRunner(request);
  return getWorkshopBoardPage(db, member.territoryId, params.workshopId ?? "", publicBaseUrl(request));
}

const controlSchema = z.object({ intent: z.enum(CONTROL_ACTIONS) });

export async function action({ request, params }: ActionFunctionArgs) {
  const member = await requireWorkshopRunner(request);
  const workshopId = await ownedParam(member, params, "workshopId");
  const parsed = controlSchema.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const result = await controlWorkshop(db, member.territoryId, workshopId, parsed.data.intent);
  return result.ok ? { error: null } : { error: await failureText(request, result) };
}

/** Follows the board: server-sent events, or a poll every second when the stream fails. */
function useLiveBoard(workshopId: string, initial: BoardUpdate): [BoardUpdate, boolean] {
  const [board, setBoard] = useState(initial);
  const [isLive, setIsLive] = useState(false);
  useEffect(() => setBoard(initial), [initial]);
  useEffect(() => {
    const url = `/workshops/${workshopId}/events`;
    const apply = (raw: unknown) => {
      const parsed = boardUpdateSchema.safeParse(raw);
      if (parsed.success) setBoard(parsed.data);
    };
    let poll: ReturnType<typeof setInterval> | null = null;
    const startPolling = () => {
      if (poll) return;
      setIsLive(false);
      poll = setInterval(() => {
        fetch(url, { headers: { Accept: "application/json" } })
          .then((r) => (r.ok ? r.json() : null))
          .then(apply, () => {});
      }, 1000);
    };
    if (typeof EventSource === "undefined") {
      startPolling();
      return () => (poll ? clearInterval(poll) : undefined);
    }
    const source = new EventSource(url);
    let failures = 0;
    source.onopen = () => setIsLive(true);
    source.onmessage = (event: MessageEvent<string>) => {
      failures = 0;
      apply(JSON.parse(event.data));
    };
    source.onerror = () => {
      if (++failures >= 3) {
        source.close();
        startPolling();
      }
    };
    return () => {
      source.close();
      if (poll) clearInterval(poll);
    };
  }, [workshopId]);
  return [board, isLive];
}

export default function WorkshopBoard() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [board, isLive] = useLiveBoard(data.board.workshopId, data.board);
  const scale = data.board.scale;
  const stateLabel = { open: t("workshops.board2.stateOpen"), pending: t("workshops.board2.statePending"), closed: t("workshops.board2.stateClosed") }[board.voteState];
  const max = board.distribution.isShown ? Math.max(1, ...board.distribution.counts.map((c) => c.count)) : 1;
  return (
    <section className="page workshop-board">
      <p>
        <Link to={`/campaigns/${data.board.campaignId}/workshops`}>← {t("workshops.back")}</Link> · <Link to={`/workshops/${data.board.workshopId}/findings`}>{t("workshops.findings")}</Link>
      </p>
      <div className="board-join">
        {/* qrcode's own SVG output, built on the server from our URL: no user HTML. */}
        <div className="board-join__qr" role="img" aria-label={data.joinUrl} dangerouslySetInnerHTML={{ __html: data.qr }} />
        <p className="board-join__text">
          {t("workshops.join.scan", { url: data.joinUrl })}
          <br />
          {t("workshops.joinCode")} <strong data-testid="join-code">{data.board.joinCode}</strong>
        </p>
      </div>
      {board.indicator ? (
        <>
          <p className="muted">{t("workshops.board2.question", { position: board.position + 1, count: board.indicatorCount })}</p>
          <h1 className="board-question">{localized(t.locale, board.indicator.question)}</h1>
          <p className={`badge badge--${board.voteState}`} data-testid="vote-state">
            {stateLabel}
          </p>
          <dl className="stats board-stats" aria-live="polite">
            <div>
              <dt>{t("workshops.board2.joined")}</dt>
              <dd data-testid="joined">{formatNumber(t.locale, board.joined)}</dd>
            </div>
            <div>
              <dt>{t("workshops.board2.votes")}</dt>
              <dd data-testid="votes">{formatNumber(t.locale, board.votes)}</dd>
            </div>
          </dl>
          {board.distribution.isShown && scale && board.indicator.id === data.board.indicator?.id ? (
            <table className="board-distribution" data-testid="distribution">
              <tbody>
                {board.distribution.counts.map((c) => (
                  <tr key={c.value}>
                    <th scope="row">{valueLabel(scale, c.value, t)}</th>
                    <td>
                      <span className="board-bar" style={{ width: `${(100 * c.count) / max}%` }} />
                    </td>
                    <td className="number">{formatNumber(t.locale, c.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : !board.distribution.isShown ? (
            <p className="muted" data-testid="distribution-masked">
              {t("workshops.board2.masked", { k: data.board.k, missing: board.distribution.missing })}
            </p>
          ) : null}
        </>
      ) : (
        <p>{t("workshops.board2.noIndicator")}</p>
      )}
      {reply?.error ? (
        <p className="field-error" role="alert">
          {t.dynamic(reply.error)}
        </p>
      ) : null}
      <Form method="post" className="actions board-controls">
        {board.voteState === "pending" ? (
          <button type="submit" name="intent" value="open">
            {t("workshops.board2.openVote")}
          </button>
        ) : null}
        {board.voteState === "open" ? (
          <button type="submit" name="intent" value="close">
            {t("workshops.board2.closeVote")}
          </button>
        ) : null}
        <button type="submit" name="intent" value="previous" className="secondary" disabled={board.position === 0 || board.voteState === "open"}>
          {t("workshops.board2.previous")}
        </button>
        <button type="submit" name="intent" value="next" className="secondary" disabled={board.position + 1 >= board.indicatorCount || board.voteState === "open"}>
          {t("workshops.board2.next")}
        </button>
      </Form>
      <p className="hint" data-testid="live">{isLive ? t("workshops.board2.live") : ""}</p>
    </section>
  );
}
