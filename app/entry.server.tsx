import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { NonceContext } from "./lib/http/load-context";

// Every page is rendered whole before it is sent (no deferred data): a phone with JavaScript off
// gets the complete page, and so does a screen reader on a slow network. renderToString rather
// than renderToPipeableStream: React 18's Node stream writer leaves stray NUL bytes where a
// multi-byte character meets its 2 KB buffer's end (react#31134, never fixed on 18).
// Security headers (CSP with this nonce, Referrer-Policy…) are set by server.ts on every response.
export default function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  const html = renderToString(
    <NonceContext.Provider value={loadContext.nonce}>
      <RemixServer context={remixContext} url={request.url} />
    </NonceContext.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(`<!DOCTYPE html>${html}`, { headers: responseHeaders, status: responseStatusCode });
}
