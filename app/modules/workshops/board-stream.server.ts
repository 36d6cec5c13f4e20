import type { Db } from "../../../db/connection";
import { onWorkshopChange } from "./live.server";
import { getBoardState } from "./workshops.server";

const HEARTBEAT_MS = 15_000;

/**
 * The board as server-sent events: the state now, then after every change (throttled by
 * live.server.ts), until the board's page goes away. 404 before the stream if not ours.
 */
export async function streamBoard(db: Db, territoryId: string, workshopId: string, signal: AbortSignal): Promise<Response> {
  const first = await getBoardState(db, territoryId, workshopId);
  const encoder = new TextEncoder();
  let stop = () => {};
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      send(`retry: 1000\ndata: ${JSON.stringify(first)}\n\n`);
      const unsubscribe = onWorkshopChange(first.workshopId, () => {
        getBoardState(db, territoryId, first.workshopId).then(
          (state) => send(`data: ${JSON.stringify(state)}\n\n`),
          () => stop(),
        );
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      stop = () => {
        unsubscribe();
        clearInterval(heartbeat);
        try {
          controller.close();
        } catch {
          // already closed by the client going away
        }
      };
      signal.addEventListener("abort", () => stop(), { once: true });
    },
    cancel() {
      stop();
    },
  });
  return new Response(body, { headers: { "Content-Type": "text/event-stream; charset=utf-8", "Cache-Control": "no-store", "X-Accel-Buffering": "no" } });
}
