/**
 * What client script a page ships, chosen by its route's `handle.scripts` (the deepest route
 * that says wins). Resident pages (survey, workshop phone) are plain HTML forms that work with
 * JavaScript off, so they ship no React runtime (about 200 KB compressed): only the small
 * `public/offline-forms.js`, which keeps the page on screen when the connection drops.
 *
 *     export const handle: ScriptsHandle = { scripts: "offline-forms" };
 */
export type PageScripts = "app" | "offline-forms";
export type ScriptsHandle = { scripts?: PageScripts };

export const OFFLINE_FORMS_SCRIPT = "/offline-forms.js";

/** The script kind of the page made of these route matches (`useMatches()`); "app" by default. */
export function pageScripts(matches: readonly { handle?: unknown }[]): PageScripts {
  let chosen: PageScripts = "app";
  for (const match of matches) {
    const scripts = (match.handle as ScriptsHandle | undefined)?.scripts;
    if (scripts) chosen = scripts;
  }
  return chosen;
}
