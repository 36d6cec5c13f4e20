import type { IncomingMessage, ServerResponse } from "node:http";
import { bodyLimitFor } from "./body-limit";
import { hasControlCharacter } from "./control-characters";
import { isSameOriginSender, siteOrigin } from "./origin";
import { trustsProxy } from "./proxy";
import { type Refusal, sendRefusal } from "./refusal.server";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return typeof value === "string" ? value : Array.isArray(value) ? (value[0] ?? null) : null;
}

function pathOf(url: string): string | null {
  const path = url.split("?")[0] ?? "";
  try {
    const decoded = decodeURIComponent(path);
    // Control characters would reach Location headers and database lookups.
    return hasControlCharacter(decoded) ? null : path;
  } catch {
    return null;
  }
}

/** The refusal a request gets before any route reads it, or null to let it through. Header checks only: cheap. */
export function refusalFor(req: IncomingMessage): Refusal | null {
  const path = pathOf(req.url ?? "/");
  if (path === null || !path.startsWith("/")) return { status: 400 };
  if (SAFE_METHODS.has(req.method ?? "GET")) return null;
  const expected = siteOrigin(
    { host: header(req, "host"), https: "encrypted" in req.socket, forwardedHost: header(req, "x-forwarded-host"), forwardedProto: header(req, "x-forwarded-proto") },
    process.env.PUBLIC_URL,
    trustsProxy(),
  );
  const sender = { origin: header(req, "origin"), secFetchSite: header(req, "sec-fetch-site"), referer: header(req, "referer"), cookie: header(req, "cookie") };
  if (!isSameOriginSender(sender, expected)) return { status: 403 };
  const limit = bodyLimitFor(path);
  const declared = header(req, "content-length");
  if (declared !== null && Number(declared) > limit) return { status: 413, limit };
  const hasBody = (declared !== null && declared !== "0") || header(req, "transfer-encoding") !== null;
  if (hasBody && !FORM_TYPES.test(header(req, "content-type") ?? "")) return { status: 415 };
  return null;
}

/**
 * Counts a body sent without Content-Length (chunked) as it arrives, and refuses it with 413 once
 * it passes the limit; what follows is dropped, and the connection closes after the answer.
 */
function limitStreamedBody(req: IncomingMessage, res: ServerResponse, limit: number): void {
  let received = 0;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk === null) return push(chunk, encoding);
    received += Buffer.isBuffer(chunk) || chunk instanceof Uint8Array ? chunk.byteLength : String(chunk).length;
    if (received <= limit) return push(chunk, encoding);
    if (!res.headersSent) void sendRefusal(req, res, { status: 413, limit }).then(() => res.once("finish", () => req.socket.destroy()));
    return true;
  };
}

/**
 * Runs before Express, Remix and the survey submit: refuses malformed paths (400), cross-site
 * posts (403), oversized bodies (413) and non-form bodies (415). True when the request was refused.
 */
export function guardRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const refusal = refusalFor(req);
  if (refusal) {
    void sendRefusal(req, res, refusal);
    return true;
  }
  if (!SAFE_METHODS.has(req.method ?? "GET") && req.headers["content-length"] === undefined && req.headers["transfer-encoding"] !== undefined) {
    limitStreamedBody(req, res, bodyLimitFor(req.url?.split("?")[0] ?? "/"));
  }
  return false;
}
