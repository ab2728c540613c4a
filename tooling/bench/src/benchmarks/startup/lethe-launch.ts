import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const repositoryRoot = fileURLToPath(new URL("../../../../../", import.meta.url));
// Resolved here, so the baseline loads the same tsx whatever the working directory.
const tsxLoader = import.meta.resolve("tsx");

/** The two ways `lethe` has been started: the built JavaScript, and tsx compiling the sources on the fly. */
export type LetheLaunch = "built" | "tsx-sources";

/** Node's arguments that start `lethe` the given way (the CLI's own arguments follow). */
export function launchArguments(launch: LetheLaunch): string[] {
  if (launch === "built") {
    const bin = `${repositoryRoot}apps/cli/dist/bin.js`;
    if (!existsSync(bin)) throw new Error(`${bin} is missing: run \`pnpm build\` first`);
    return [bin];
  }
  // What bin/lethe.js did before the build: tsx's loader in the same process, workspace packages read as TypeScript.
  return ["--conditions=source", "--import", tsxLoader, `${repositoryRoot}apps/cli/src/bin.ts`];
}

export interface TimedStart {
  /** From spawn to the awaited moment. */
  ms: number;
}

/**
 * Spawns `lethe <args>` and measures until `ready` matches its output (then SIGTERM and wait), or,
 * without `ready`, until it exits with status 0.
 */
export async function timeLethe(launch: LetheLaunch, args: string[], env: NodeJS.ProcessEnv, ready?: RegExp, timeoutMs = 120_000): Promise<TimedStart> {
  const started = performance.now();
  const child = spawn(process.execPath, [...launchArguments(launch), ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let readyAt: number | null = null;
  const onOutput = (chunk: Buffer) => {
    output += chunk.toString();
    if (ready && readyAt === null && ready.test(output)) {
      readyAt = performance.now();
      child.kill("SIGTERM");
    }
  };
  child.stdout.on("data", onOutput);
  child.stderr.on("data", onOutput);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (exitCode) => resolve(exitCode));
  });
  clearTimeout(timer);
  const exitedAt = performance.now();
  if (ready) {
    if (readyAt === null) throw new Error(`lethe ${args.join(" ")} (${launch}) never printed ${String(ready)}:\n${output}`);
    return { ms: readyAt - started };
  }
  if (code !== 0) throw new Error(`lethe ${args.join(" ")} (${launch}) exited with ${String(code)}:\n${output}`);
  return { ms: exitedAt - started };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
