/**
 * The route pattern a path belongs to (`/s/:code`, never `/s/AB3D5FGH7K`): logs name the route,
 * not the URL, because URLs carry survey codes, resume codes and tokens.
 */
export type RoutePatterns = readonly string[];

const segments = (path: string) => path.split("/").filter(Boolean);

/** The most specific pattern (most literal segments first) matching the path, or null. */
export function routePatternFor(patterns: RoutePatterns, pathname: string): string | null {
  // Single fetch loads a page's data at /x.data (/_root.data for /).
  const path = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
  const parts = segments(path);
  let best: { pattern: string; literals: number } | null = null;
  for (const pattern of patterns) {
    const wanted = segments(pattern);
    const splat = wanted[wanted.length - 1] === "*";
    const fixed = splat ? wanted.slice(0, -1) : wanted;
    if (splat ? parts.length < fixed.length : parts.length !== fixed.length) continue;
    let literals = 0;
    const matches = fixed.every((w, i) => {
      if (w.startsWith(":")) return true;
      literals++;
      return w === parts[i];
    });
    if (matches && (!best || literals > best.literals)) best = { pattern: `/${wanted.join("/")}`, literals };
  }
  return best?.pattern ?? null;
}

type ManifestRoute = { id: string; parentId?: string; path?: string };

/** A manifest route's full URL pattern: its path joined to its parents' ("/" for the root). */
export function routePatternOf(routes: Record<string, ManifestRoute | undefined>, id: string): string {
  const full = (routeId: string | undefined): string => {
    const route = routeId ? routes[routeId] : undefined;
    if (!route) return "";
    const parent = full(route.parentId);
    return route.path ? `${parent}/${route.path}` : parent;
  };
  return full(id) || "/";
}

/** Full URL patterns of a Remix build's route manifest. */
export function patternsOfManifest(routes: Record<string, ManifestRoute | undefined>): string[] {
  return [...new Set(Object.values(routes).flatMap((r) => (r ? [routePatternOf(routes, r.id)] : [])))];
}
