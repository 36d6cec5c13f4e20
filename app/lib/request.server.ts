import { arrivalOrigin } from "./http/origin";
import { trustsProxy } from "./http/proxy";

/**
 * The site's own address: PUBLIC_URL, else the address the visitor reached (used in links sent
 * by e-mail and printed under QR codes). X-Forwarded-Host/Proto count only with TRUST_PROXY.
 */
export function publicBaseUrl(request: Request): string {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/$/, "");
  const url = new URL(request.url);
  const parts = {
    host: request.headers.get("Host") ?? url.host,
    https: url.protocol === "https:",
    forwardedHost: request.headers.get("X-Forwarded-Host"),
    forwardedProto: request.headers.get("X-Forwarded-Proto"),
  };
  return arrivalOrigin(parts, trustsProxy()) ?? url.origin;
}

/** Whether the visitor's connection is https (directly, or to a trusted proxy): the session cookie is then Secure. */
export function reachedOverHttps(request: Request): boolean {
  return publicBaseUrl(request).startsWith("https:");
}
