import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: {
    include: ["app/**/*.test.{ts,tsx}", "evaluation-frameworks/**/*.test.ts", "db/**/*.test.ts", "tests/**/*.test.ts"],
    // Each integration test file creates its own SQLite file; e2e files each start their own server.
    pool: "forks",
    // Browser journeys share two cores with the server under test: a generous ceiling, not a speed check
    // (speed is measured by `npm run bench`).
    testTimeout: 180_000,
    hookTimeout: 120_000,
    globalSetup: ["./tests/helpers/global-setup.ts"],
  },
});
