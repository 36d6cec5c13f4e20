import { type RoutePatterns, routePatternFor } from "./route-pattern";

export type RequestLine = { reqId: string; method: string; route: string; status: number; ms: number };

// The pages a resident or a workshop participant uses (/s/:code, /r/:resume…, /a/:code). No line
// at all is written for them, whatever the campaign: in an anonymous campaign the time of a
// submission next to anything else is a link to the person, and telling an anonymous campaign
// from a named one would cost a database read on the hot path.
const RESPONDENT_FIRST_SEGMENTS = new Set(["s", "r", "a"]);

/**
 * What the access log says about a request: its id, method, route pattern (never the URL, which
 * carries codes and tokens), status and duration; null when nothing may be written.
 */
export function requestLogLine(patterns: RoutePatterns, request: { method?: string; url?: string }, status: number, ms: number, reqId: string): RequestLine | null {
  let pathname: string;
  try {
    pathname = new URL(request.url ?? "/", "http://localhost").pathname;
  } catch {
    pathname = "";
  }
  const first = pathname.split("/")[1]?.replace(/\.data$/, "") ?? "";
  if (RESPONDENT_FIRST_SEGMENTS.has(first)) return null;
  const route = pathname.startsWith("/build/") ? "/build/*" : (routePatternFor(patterns, pathname) ?? "(unmatched)");
  return { reqId, method: request.method ?? "?", route, status, ms: Math.round(ms * 10) / 10 };
}
