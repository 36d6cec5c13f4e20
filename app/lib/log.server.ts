import { pino } from "pino";

/**
 * The one structured logger (JSON lines on stdout). What may go in a line is decided where the
 * line is written: ids, a route pattern, a status, a duration, counts. Never an IP, an e-mail, a
 * code, a token or an answer (README « Exploitation », « Anonymat »). The redact list is a
 * second net for field names that must never carry a value. LOG_LEVEL sets the level (default
 * info); under Vitest the default is silent, so tests print nothing unless they ask.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL || (process.env.VITEST ? "silent" : "info"),
  base: undefined,
  redact: { paths: ["email", "to", "ip", "code", "token", "cookie", "answers", "*.email", "*.ip", "*.cookie"], censor: "[retiré]" },
});
