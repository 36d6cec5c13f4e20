import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach } from "vitest";
import { type AppServer, startAppServer } from "./app-server";
import { launchBrowser } from "./browser";

export type BrowserJourney = { readonly server: AppServer; readonly browser: Browser };

/**
 * Sets up a `describe` block of browser tests: launches Chromium and starts the real server
 * before its tests, closes both after them. With `serverPerTest`, each test gets its own server
 * (and so its own database), for journeys that change the demo data. Read `server` and
 * `browser` inside the tests, once the hooks have run.
 */
// Seeding the demo (with its sample answers when asked) on a loaded CI machine: a ceiling, not a speed check.
const SERVER_START_CEILING_MS = 240_000;

export function setUpBrowserJourney({ serverPerTest = false, env }: { serverPerTest?: boolean; env?: Parameters<typeof startAppServer>[0] } = {}): BrowserJourney {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!serverPerTest) server = await startAppServer(env);
    browser = await launchBrowser();
  }, SERVER_START_CEILING_MS);
  if (serverPerTest) {
    beforeEach(async () => {
      server = await startAppServer(env);
    }, SERVER_START_CEILING_MS);
    afterEach(async () => {
      await server?.stop();
    });
  }
  afterAll(async () => {
    await browser?.close();
    if (!serverPerTest) await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error("No server yet: read it inside a test.");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("No browser yet: read it inside a test.");
      return browser;
    },
  };
}
