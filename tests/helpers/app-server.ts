import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A port nobody listens on, on the loopback interface (servers of the tests and the bench). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export type AppServer = { url: string; dbPath: string; output: () => string; stop: () => Promise<void> };

/**
 * Starts the real server (`tsx server.ts`, as `npm start` does after building) on a free port
 * with its own fresh SQLite file, and waits until it says it is ready.
 */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  if (!existsSync("build/index.js")) throw new Error("build/index.js is missing: run `npm run build` (npm test does it first).");
  const dir = mkdtempSync(join(tmpdir(), "eval-e2e-"));
  const dbPath = join(dir, "app.sqlite");
  const port = await freePort();
  let output = "";
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    // DEMO_RESPONSES=0: each test counts the responses it makes itself.
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: dbPath, PORT: String(port), SMTP_URL: "", DEMO_RESPONSES: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 180_000);
    const check = setInterval(() => {
      if (output.includes(`localhost:${port}`)) {
        clearInterval(check);
        clearTimeout(timer);
        resolve();
      }
    }, 50);
    child.on("exit", (code) => {
      clearInterval(check);
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `http://localhost:${port}`,
    dbPath,
    output: () => output,
    async stop() {
      child.removeAllListeners("exit");
      await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
