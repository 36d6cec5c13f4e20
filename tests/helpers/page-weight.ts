// What a resident's phone downloads on a first visit (empty cache): the page and every file it
// links (style sheets, scripts, module preloads, icon), as sent on the wire — compressed body
// plus response headers. Shared by the weight test (≤ 30 KB) and `npm run bench`.
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";

export const WEIGHT_BUDGET_BYTES = 30 * 1024;

type Fetched = { status: number; headers: Record<string, string | string[] | undefined>; wireBytes: number; text: string };

/** One GET (or form POST) as a browser sends it; redirects are not followed. */
export function fetchOnWire(url: string, options: { method?: "GET" | "POST"; form?: Record<string, string> } = {}): Promise<Fetched> {
  const body = options.form ? new URLSearchParams(options.form).toString() : undefined;
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: options.method ?? "GET",
        headers: {
          "Accept-Encoding": "br, gzip, deflate",
          Accept: "text/html,*/*",
          ...(body !== undefined ? { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": Buffer.byteLength(body), Origin: target.origin } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const raw = Buffer.concat(chunks);
          const headerBytes = res.rawHeaders.reduce((sum, part) => sum + Buffer.byteLength(part) + 2, 0) + 16;
          const encoding = res.headers["content-encoding"];
          const decoded = encoding === "br" ? brotliDecompressSync(raw) : encoding === "gzip" ? gunzipSync(raw) : raw;
          resolve({ status: res.statusCode ?? 0, headers: res.headers, wireBytes: raw.byteLength + headerBytes, text: decoded.toString("utf8") });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** The files a page makes the browser download: style sheets, scripts, module preloads, icons. */
export function linkedFiles(html: string): string[] {
  const files = new Set<string>();
  for (const tag of html.match(/<(link|script)\b[^>]*>/gi) ?? []) {
    const isLink = /^<link/i.test(tag);
    if (isLink && !/rel="(stylesheet|modulepreload|icon)"/i.test(tag)) continue;
    const url = /\b(?:href|src)="([^"]+)"/i.exec(tag)?.[1];
    if (url) files.add(url.replace(/&amp;/g, "&"));
  }
  return [...files];
}

export type PageWeight = { name: string; path: string; bytes: number; files: { url: string; bytes: number }[] };

/** A page's first-visit weight: its HTML and every file it links, on the wire. */
export async function pageWeight(baseUrl: string, name: string, path: string): Promise<PageWeight> {
  const page = await fetchOnWire(`${baseUrl}${path}`);
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  const files = await Promise.all(linkedFiles(page.text).map(async (url) => ({ url, bytes: (await fetchOnWire(new URL(url, baseUrl).href)).wireBytes })));
  return { name, path, bytes: page.wireBytes + files.reduce((sum, f) => sum + f.bytes, 0), files };
}

/**
 * Every resident survey page of an open link, walked over HTTP as a phone without JavaScript
 * does: welcome, code entry, screening, a question, the review, the thank-you page (both
 * projects answered « no », so the walk is short).
 */
export async function residentSurveyWeights(baseUrl: string, openLinkCode: string): Promise<PageWeight[]> {
  const weights = [await pageWeight(baseUrl, "code entry", "/s"), await pageWeight(baseUrl, "welcome", `/s/${openLinkCode}`)];
  const started = await fetchOnWire(`${baseUrl}/s/${openLinkCode}`, { method: "POST", form: {} });
  const resumePath = new URL(String(started.headers.location), baseUrl).pathname;
  weights.push(await pageWeight(baseUrl, "screening question", resumePath));
  // A question step exists whatever the answers (the steps after the screening ones).
  weights.push(await pageWeight(baseUrl, "question", `${resumePath}?step=2`));
  for (const step of [0, 1]) {
    const saved = await fetchOnWire(`${baseUrl}${resumePath}?index`, { method: "POST", form: { step: String(step), intent: "next", value: "no" } });
    if (saved.status !== 302 && saved.status !== 204) throw new Error(`screening step ${step} answered ${saved.status}`);
  }
  weights.push(await pageWeight(baseUrl, "review", `${resumePath}?step=2`));
  const sent = await fetchOnWire(`${baseUrl}${resumePath}/envoyer`, { method: "POST", form: { intent: "submit" } });
  weights.push(await pageWeight(baseUrl, "thank-you", new URL(String(sent.headers.location), baseUrl).pathname));
  return weights;
}
