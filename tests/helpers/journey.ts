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
export function setUpBrowserJourney({ serverPerTest = false }: { serverPerTest?: boolean } = {}): BrowserJourney {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!serverPerTest) server = await startAppServer();
    browser = await launchBrowser();
  });
  if (serverPerTest) {
    beforeEach(async () => {
      server = await startAppServer();
    });
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
