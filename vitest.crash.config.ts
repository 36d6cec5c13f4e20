import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// `npm run test:crash`: the kill -9 test runs apart from `npm test` (it kills and restarts the
// server several times); .ci/run runs both.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  test: { include: ["tests/crash/**/*.crash.ts"], pool: "forks", testTimeout: 600_000, hookTimeout: 120_000, globalSetup: ["./tests/helpers/global-setup.ts"] },
});
