import { EventEmitter } from "node:events";

// Who listens to a workshop's board (its SSE streams) inside this process. A vote or a control
// says "changed"; each stream re-reads the board, at most every THROTTLE_MS. One process serves
// the app (server.ts), so no outside broker is needed.

const changes = new EventEmitter();
changes.setMaxListeners(0);

export const THROTTLE_MS = 100;

export function announceWorkshopChange(workshopId: string): void {
  changes.emit(workshopId);
}

/** Calls `onChange` (throttled) after each change of the workshop; returns the unsubscribe. */
export function onWorkshopChange(workshopId: string, onChange: () => void): () => void {
  let timer: NodeJS.Timeout | null = null;
  const listener = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      onChange();
    }, THROTTLE_MS);
  };
  changes.on(workshopId, listener);
  return () => {
    changes.off(workshopId, listener);
    if (timer) clearTimeout(timer);
  };
}
