import { existsSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { type Browser, chromium, type Page } from "playwright-core";
import { expect } from "vitest";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Browser tests need Debian's Chromium. In CI they are required: a missing browser fails the
 * run. Elsewhere they are skipped with the reason printed, so `npm test` still runs the rest.
 */
export const hasChromium = existsSync(CHROMIUM_PATH);
if (!hasChromium) {
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: CI requires the browser tests (apt-get install -y chromium).`);
  console.warn(`[e2e] skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH).`);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
  });
}

/**
 * Every page visited is checked against WCAG 2.1 AA with axe; the test fails on any violation.
 * axe runs as a script, so a page seen with JavaScript off is checked by loading its URL again
 * in `checker` (a page of a JavaScript-enabled context): the server sends the same HTML.
 */
export async function expectAccessible(page: Page, checker?: Page) {
  if (checker) {
    await checker.goto(page.url());
    return expectAccessible(checker);
  }
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/** No sideways scrolling: the page is no wider than the screen. */
export async function expectNoOverflow(page: Page) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(widths.scroll, `${page.url()} is ${widths.scroll} px wide for ${widths.client} px`).toBeLessThanOrEqual(widths.client);
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Adresse e-mail").fill(email);
  await page.getByLabel("Mot de passe").fill(password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await page.waitForURL(/\/dashboard/);
}
