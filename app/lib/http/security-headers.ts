import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";

/** A fresh value per response: only scripts carrying it run (Remix's inline hydration scripts). */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The Content-Security-Policy of every response. Scripts: this site's files and the inline
 * scripts carrying the nonce. Styles: `'unsafe-inline'` because server-rendered markup has
 * `style` attributes (Recharts positions, React `style` props) that a nonce cannot cover; CSS
 * cannot run code, and text reaches the page only through React's escaping. In development the
 * live-reload socket of `remix dev` is allowed too.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws://localhost:*" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Set first on every response (pages, redirects, downloads, the survey submit, errors, refusals):
 * later code adds to them or, for static files, replaces Cache-Control with its long cache.
 * `no-store` by default because pages carry answers, resume codes or a session: the back button
 * on a shared device must not show them again.
 */
export function setSecurityHeaders(res: ServerResponse, nonce: string, development: boolean): void {
  res.setHeader("Content-Security-Policy", contentSecurityPolicy(nonce, development));
  // Resume and invitation codes are in URLs: never send them to another site.
  res.setHeader("Referrer-Policy", "same-origin");
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cache-Control", "no-store");
}
