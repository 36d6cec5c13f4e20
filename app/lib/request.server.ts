/** The site's own address as the visitor reached it: used in links sent by e-mail. */
export function publicBaseUrl(request: Request): string {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/$/, "");
  const url = new URL(request.url);
  const proto = request.headers.get("X-Forwarded-Proto") ?? url.protocol.replace(":", "");
  return `${proto}://${request.headers.get("X-Forwarded-Host") ?? url.host}`;
}
