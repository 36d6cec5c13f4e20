import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** DATABASE_URL is a file path (optionally prefixed by "file:"); default data/app.sqlite. */
export function databasePath(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.replace(/^file:/, "") || "data/app.sqlite";
  const path = resolve(url);
  mkdirSync(dirname(path), { recursive: true });
  return path;
}

/**
 * SESSION_SECRET if set; otherwise a secret generated once and kept beside the database,
 * so a fresh install needs no configuration and sessions survive restarts.
 */
export function sessionSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  const file = resolve(dirname(databasePath(env)), "session-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString("hex"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}
