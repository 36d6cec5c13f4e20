import { type ChildProcess, spawn } from "node:child_process";

// The servers a bench measures: started as child processes, ready once they print `readyText`,
// stopped by SIGTERM (exit-on-sigterm.ts lets --cpu-prof write its file).

export function startProcess(args: string[], env: Record<string, string>, readyText: string): Promise<ChildProcess> {
  // BENCH_PROFILE=<dir> writes a V8 CPU profile of each server (open it in Chrome DevTools).
  const profile = process.env.BENCH_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "--import", "./bench/exit-on-sigterm.ts", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

export async function stopProcess(child: ChildProcess) {
  child.removeAllListeners("exit");
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}
