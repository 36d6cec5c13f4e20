import { expect } from "vitest";

/** Signs in over HTTP like a browser would and returns the session cookie. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, { method: "POST", body: new URLSearchParams({ email, password }), redirect: "manual" });
  expect(response.status).toBe(302);
  return response.headers.get("set-cookie")!.split(";")[0];
}

/** A form post as a browser without JavaScript sends it (repeated names for checkboxes), for a route action. */
export function formPost(url: string, fields: Record<string, string | string[]>, cookie: string): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return new Request(url, { method: "POST", body, headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" } });
}
