import { firstForwarded } from "./proxy";

/** What the server knows of how a request reached it. */
export type ArrivalParts = {
  host: string | null;
  https: boolean;
  forwardedHost: string | null;
  forwardedProto: string | null;
};

/** The origin the visitor used (`https://host:port`), from forwarded headers only behind a trusted proxy. */
export function arrivalOrigin(parts: ArrivalParts, trustProxy: boolean): string | null {
  const forwardedProto = trustProxy ? firstForwarded(parts.forwardedProto) : null;
  const proto = forwardedProto === "https" || forwardedProto === "http" ? forwardedProto : parts.https ? "https" : "http";
  const host = (trustProxy ? firstForwarded(parts.forwardedHost) : null) ?? parts.host;
  if (!host) return null;
  try {
    return new URL(`${proto}://${host}`).origin;
  } catch {
    return null;
  }
}

/** The site's origin: PUBLIC_URL's when it is set, else the one the request arrived on. */
export function siteOrigin(parts: ArrivalParts, publicUrl: string | undefined, trustProxy: boolean): string | null {
  if (publicUrl) {
    try {
      return new URL(publicUrl).origin;
    } catch {
      return null;
    }
  }
  return arrivalOrigin(parts, trustProxy);
}

export type SenderHeaders = { origin: string | null; secFetchSite: string | null; referer: string | null; cookie: string | null };

function originOf(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a state-changing request comes from one of this site's own pages (the CSRF check).
 * Browsers send `Origin` on every POST; `Sec-Fetch-Site` is the fallback; with neither, a
 * same-origin `Referer`, or else no cookie at all (a request without a session cannot act as
 * someone: a script or `curl`, not a victim's browser).
 */
export function isSameOriginSender(sender: SenderHeaders, expected: string | null): boolean {
  if (sender.origin !== null) return expected !== null && sender.origin === expected;
  if (sender.secFetchSite !== null) return sender.secFetchSite === "same-origin";
  if (sender.referer !== null) return expected !== null && originOf(sender.referer) === expected;
  return !sender.cookie;
}
