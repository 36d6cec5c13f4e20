/**
 * X-Forwarded-Host, -Proto and -For are believed only when the operator says a reverse proxy
 * sets them (`TRUST_PROXY=1`): without one, any client could write them and pick the address
 * used in e-mailed links, the cookie's Secure flag or the IP the sign-in throttle counts.
 */
export function trustsProxy(): boolean {
  const value = process.env.TRUST_PROXY?.trim().toLowerCase();
  return value === "1" || value === "true" || value === "yes";
}

/** The first value of a comma-separated forwarded header (the one the nearest client sent). */
export function firstForwarded(value: string | null | undefined): string | null {
  const first = value?.split(",")[0]?.trim();
  return first ? first : null;
}
