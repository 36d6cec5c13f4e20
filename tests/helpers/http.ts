import { decode } from "turbo-stream";
import { expect } from "vitest";

/** Signs in over HTTP like a browser would and returns the session cookie. */
export async function signInCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${baseUrl}/login`, { method: "POST", body: new URLSearchParams({ email, password }), redirect: "manual" });
  expect(response.status).toBe(302);
  return cookieOf(response);
}

/** The `name=value` a response sets as its cookie; the test fails if it sets none. */
export function cookieOf(response: Response): string {
  const pair = response.headers.get("set-cookie")?.split(";")[0];
  if (!pair) throw new Error(`expected a Set-Cookie header (status ${response.status})`);
  return pair;
}

/** A form post as a browser without JavaScript sends it (repeated names for checkboxes), for a route action. */
export function formPost(url: string, fields: Record<string, string | string[]>, cookie: string): Request {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return new Request(url, { method: "POST", body, headers: { cookie, "Content-Type": "application/x-www-form-urlencoded" } });
}

/**
 * What a route's loader or action returned, as the HTTP response the app would send: with single
 * fetch they return a Response (redirects), `data(value, init)` or a plain value.
 */
export function asResponse(result: unknown): Response {
  if (result instanceof Response) return result;
  if (isDataWithInit(result)) return Response.json(result.data, result.init ?? undefined);
  return Response.json(result);
}

function isDataWithInit(value: unknown): value is { data: unknown; init: ResponseInit | null } {
  return typeof value === "object" && value !== null && "type" in value && value.type === "DataWithResponseInit" && "data" in value && "init" in value;
}

/**
 * The address from which single fetch loads a page's loader data or posts its form (`/x.data`,
 * `/_root.data` for `/`), limited to one route's loader when `routeId` is given.
 */
export function dataPath(pathWithQuery: string, routeId?: string): string {
  const [path = "/", query] = pathWithQuery.split("?", 2);
  const dataFile = path === "/" ? "/_root.data" : `${path.replace(/\/$/, "")}.data`;
  const params = [query, routeId === undefined ? undefined : `_route=${encodeURIComponent(routeId)}`].filter(Boolean);
  return params.length ? `${dataFile}?${params.join("&")}` : dataFile;
}

/** One route's loader data, decoded from a single-fetch response as the browser decodes it. */
export async function decodeRouteData(response: Response, routeId: string): Promise<unknown> {
  if (!response.body) throw new Error("the data response has no body");
  const decoded = await decode(response.body);
  await decoded.done;
  const routes = decoded.value;
  const route: unknown = typeof routes === "object" && routes !== null && routeId in routes ? Reflect.get(routes, routeId) : undefined;
  if (typeof route !== "object" || route === null || !("data" in route)) throw new Error(`no loader data for ${routeId}`);
  return route.data;
}
