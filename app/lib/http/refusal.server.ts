import type { IncomingMessage, ServerResponse } from "node:http";
import { createTranslator, DEFAULT_LOCALE, isLocale, type Locale, type Translate } from "../../i18n/i18n";
import { localeCookie } from "../../i18n/locale.server";
import { formatLimit } from "./body-limit";

export type Refusal = { status: 400 } | { status: 403 } | { status: 413; limit: number } | { status: 415 };

async function localeOf(req: IncomingMessage): Promise<Locale> {
  try {
    const value: unknown = await localeCookie.parse(req.headers.cookie ?? null);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A short page in the visitor's language (the `lang` cookie), for answers given before any
 * route (and so Remix's i18n) sees the request: refusals here, the survey submit's failure.
 */
export async function sendShortPage(req: IncomingMessage, res: ServerResponse, status: number, say: (t: Translate, locale: Locale) => [title: string, body: string], headers: Record<string, string> = {}): Promise<void> {
  const locale = await localeOf(req);
  const t = createTranslator(locale);
  const [title, body] = say(t, locale);
  const page = `<!DOCTYPE html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p><p><a href="/">${escapeHtml(t("security.home"))}</a></p></main></body></html>`;
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Content-Length": Buffer.byteLength(page), ...headers });
  res.end(page);
}

/**
 * Answers a request refused before any route saw it, with a short page in the visitor's language.
 * The body is not read: the connection is closed after the answer, so a client still sending a
 * large body neither keeps the server busy nor leaves the next request of the connection waiting.
 */
export async function sendRefusal(req: IncomingMessage, res: ServerResponse, refusal: Refusal): Promise<void> {
  await sendShortPage(
    req,
    res,
    refusal.status,
    (t, locale) =>
      refusal.status === 403
        ? [t("security.forbiddenTitle"), t("security.forbiddenBody")]
        : refusal.status === 413
          ? [t("security.tooLargeTitle"), t("security.tooLargeBody", { size: formatLimit(refusal.limit, locale) })]
          : refusal.status === 415
            ? [t("security.unsupportedTitle"), t("security.unsupportedBody")]
            : [t("security.badRequestTitle"), t("security.badRequestBody")],
    { Connection: "close" },
  );
  // Bytes already on their way are read and dropped until the socket closes.
  req.resume();
}
