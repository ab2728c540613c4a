import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";

/**
 * The `lethe` executable of apps/cli, run as an operator would run it. Reached by path: the bench
 * measures the CLI's worker as shipped, without depending on the CLI package's code.
 */
const letheExecutable = fileURLToPath(new URL("../../../../../apps/cli/bin/lethe.js", import.meta.url));

export interface LetheWorkerProcess {
  child: ChildProcess;
  /** SIGTERM, then waits for it to exit (SIGKILL after 30 s); resolves with its exit code. */
  stop(): Promise<number | null>;
}

/** Starts `lethe worker --concurrency N` on the given environment and waits until it says it is running. */
export async function startLetheWorkerProcess(
  concurrency: number,
  env: NodeJS.ProcessEnv,
  timeoutMs = 120_000,
): Promise<LetheWorkerProcess> {
  const child = spawn(process.execPath, [letheExecutable, "worker", "--concurrency", String(concurrency)], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
  const exited = once(child, "close").then(([code]) => code as number | null);
  const deadline = Date.now() + timeoutMs;
  while (!output.includes("worker running")) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`lethe worker exited before it ran:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`lethe worker did not start in ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
