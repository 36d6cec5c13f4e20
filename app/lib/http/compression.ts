import type { IncomingMessage, ServerResponse } from "node:http";
import { type BrotliCompress, constants, createBrotliCompress, createGzip, type Gzip } from "node:zlib";

// Text responses are compressed (issue #15: a resident page ≤ 30 KB transferred on a slow
// phone). Done here, on Node's response itself, so that every path is covered: the survey
// submit answered before Express, static files, Remix pages and data. Brotli at quality 5 (the
// default 11 costs far too much CPU for pages made per request), else gzip.

const COMPRESSIBLE = /^(text\/(?!event-stream)|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/i;
/** Smaller bodies gain nothing worth the CPU. */
const MIN_BYTES = 1024;

/** The encoding to use for this Accept-Encoding: br, then gzip, or none (q=0 refuses). */
export function chooseEncoding(acceptEncoding: string | string[] | undefined): "br" | "gzip" | null {
  const accepted = new Set(
    String(acceptEncoding ?? "")
      .split(",")
      .map((part) => part.trim().split(";"))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  return accepted.has("br") ? "br" : accepted.has("gzip") ? "gzip" : null;
}

type Write = ServerResponse["write"];
type End = ServerResponse["end"];
type WriteHead = ServerResponse["writeHead"];

function byteLength(chunk: unknown): number {
  return typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk instanceof Uint8Array ? chunk.byteLength : 0;
}

function asBuffer(chunk: unknown, encoding: unknown): Buffer {
  return typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
}

/**
 * Compresses what `res` will send, when the body is text and the client accepts it. Call it
 * before anything writes. The decision is taken when the headers go out (explicit writeHead,
 * or Node's implicit one at the first write): then the status and Content-Type are known.
 */
export function compressResponse(req: IncomingMessage, res: ServerResponse): void {
  const encoding = req.method === "HEAD" ? null : chooseEncoding(req.headers["accept-encoding"]);
  // Loosely typed: Node's overloads do not survive .call().
  const original = {
    writeHead: res.writeHead as (this: ServerResponse, ...args: unknown[]) => ServerResponse,
    write: res.write as (this: ServerResponse, ...args: unknown[]) => boolean,
    end: res.end as (this: ServerResponse, ...args: unknown[]) => ServerResponse,
  };
  let zip: Gzip | BrotliCompress | null = null;
  let tiny = false;

  function decide(status: number): void {
    if (!COMPRESSIBLE.test(String(res.getHeader("Content-Type") ?? ""))) return;
    const vary = String(res.getHeader("Vary") ?? "");
    if (!/accept-encoding|\*/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    if (!encoding || tiny || status === 204 || status === 206 || status === 304 || res.hasHeader("Content-Encoding") || res.hasHeader("Content-Range")) return;
    if (/no-transform/i.test(String(res.getHeader("Cache-Control") ?? ""))) return;
    const length = Number(res.getHeader("Content-Length"));
    if (Number.isFinite(length) && length < MIN_BYTES) return;
    res.removeHeader("Content-Length");
    res.setHeader("Content-Encoding", encoding);
    const stream =
      encoding === "br" ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } }) : createGzip({ level: 6 });
    // Back-pressure both ways: a slow client pauses the compressor; a full compressor tells a
    // piping writer (express.static) to wait, through the response's own "drain".
    stream.on("data", (chunk: Buffer) => {
      if (!original.write.call(res, chunk)) stream.pause();
    });
    res.on("drain", () => stream.resume());
    stream.on("drain", () => res.emit("drain"));
    stream.on("end", () => original.end.call(res));
    stream.on("error", (error) => res.destroy(error));
    zip = stream;
  }

  res.writeHead = function writeHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    // Headers passed to writeHead are merged first, so the decision sees them all.
    const headers = typeof rest[0] === "string" ? rest[1] : rest[0];
    if (Array.isArray(headers)) return original.writeHead.call(this, statusCode, ...rest);
    for (const [name, value] of Object.entries((headers ?? {}) as Record<string, string | number | string[] | undefined>)) {
      if (value !== undefined) this.setHeader(name, value);
    }
    decide(statusCode);
    return typeof rest[0] === "string" ? original.writeHead.call(this, statusCode, rest[0]) : original.writeHead.call(this, statusCode);
  } as WriteHead;

  res.write = function write(this: ServerResponse, chunk: unknown, encodingOrCallback?: unknown, callback?: unknown) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!zip) return original.write.call(this, chunk, encodingOrCallback, callback);
    const done = typeof encodingOrCallback === "function" ? encodingOrCallback : callback;
    return zip.write(asBuffer(chunk, encodingOrCallback), done as (error?: Error | null) => void);
  } as Write;

  res.end = function end(this: ServerResponse, chunk?: unknown, encodingOrCallback?: unknown, callback?: unknown) {
    const hasBody = chunk !== undefined && chunk !== null && typeof chunk !== "function";
    if (!this.headersSent) {
      tiny = !hasBody || byteLength(chunk) < MIN_BYTES;
      this.writeHead(this.statusCode);
    }
    if (!zip) return original.end.call(this, chunk, encodingOrCallback, callback);
    if (hasBody) zip.end(asBuffer(chunk, encodingOrCallback));
    else zip.end();
    return this;
  } as End;
}
