import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToReadableStream } from "react-dom/server.browser";
import { NonceContext } from "./lib/http/load-context";

// Every page is rendered whole before it is sent (no deferred data): a phone with JavaScript off
// gets the complete page, and so does a screen reader on a slow network. The render waits for
// `allReady` so that single fetch's inline data scripts (behind a Suspense boundary, which
// renderToString cannot wait for) are in the page. React 18's Web-stream renderer rather than its
// Node one: the Node stream writer leaves stray NUL bytes where a multi-byte character meets its
// 2 KB buffer's end (react#31134, never fixed on 18); the Web one encodes each string whole.
// Security headers (CSP with this nonce, Referrer-Policy…) are set by server.ts on every response.
export default async function handleRequest(request: Request, responseStatusCode: number, responseHeaders: Headers, remixContext: EntryContext, loadContext: AppLoadContext) {
  let status = responseStatusCode;
  const stream = await renderToReadableStream(
    <NonceContext.Provider value={loadContext.nonce}>
      <RemixServer context={remixContext} url={request.url} nonce={loadContext.nonce} />
    </NonceContext.Provider>,
    {
      signal: request.signal,
      onError(error: unknown) {
        status = 500;
        // Only while rendering: an error in a loader already has its error boundary.
        if (!request.signal.aborted) console.error(error);
      },
    },
  );
  await stream.allReady;
  const html = await new Response(stream).text();
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // React writes the doctype itself before an <html> root.
  return new Response(html, { headers: responseHeaders, status });
}
