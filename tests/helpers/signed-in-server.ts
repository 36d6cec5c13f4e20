import { afterAll, beforeAll } from "vitest";
import { createDb, type Db } from "../../db/connection";
import { type AppServer, startAppServer } from "./app-server";
import { signInCookie } from "./http";

export type SignedInServer = { server: AppServer; db: Db; cookie: string };

/**
 * Sets up a `describe` block that talks HTTP to the real server: starts it with `env`, opens its
 * database for the test's own reads, signs in as `email` (the demo's elected member by default),
 * and stops it all after the block. Read the fields inside the tests, once the hooks have run.
 */
export function setUpSignedInServer(env: Record<string, string>, email = "elu@demo.fr"): SignedInServer {
  const app = {} as SignedInServer;
  beforeAll(async () => {
    app.server = await startAppServer(env);
    app.db = createDb(app.server.dbPath).db;
    app.cookie = await signInCookie(app.server.url, email, "demo-demo-demo");
  }, 120_000);
  afterAll(async () => {
    await app.db?.destroy();
    await app.server?.stop();
  });
  return app;
}
