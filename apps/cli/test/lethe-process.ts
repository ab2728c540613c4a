import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
/**
 * The built `lethe` (`pnpm build`; `pnpm install` and `pnpm test` build first), run in one
 * process, so a signal sent to it reaches the program itself.
 */
const executable = path.join(repositoryRoot, "apps/cli/dist/bin.js");

/** `detached`: the child leads a process group of its own, as a shell's foreground job does. */
function spawnLethe(args: string[], env: NodeJS.ProcessEnv, detached = false): ChildProcess {
  if (!existsSync(executable)) throw new Error(`${executable} is missing: run \`pnpm build\` before the CLI tests`);
  return spawn(process.execPath, [executable, ...args], { env, stdio: ["ignore", "pipe", "pipe"], detached });
}

export interface LetheRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one `lethe …` command to completion, as a user would from a shell. */
export function runLethe(args: string[], env: NodeJS.ProcessEnv): Promise<LetheRun> {
  return new Promise((resolve, reject) => {
    const child = spawnLethe(args, env);
    let stdout = "";
    let stderr = "";
    child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export interface StartedLethe {
  output: () => string;
  sandboxUrl: string;
  apiUrl: string;
  /** Ctrl-C, then waits for a clean exit; resolves with the exit code. */
  stop(): Promise<number | null>;
  /**
   * Ctrl-C as a terminal sends it: SIGINT to every process of the group (only when started with
   * `asTerminalJob`); resolves with the exit code once the process has exited.
   */
  interruptGroup(): Promise<number | null>;
}

/** Starts `lethe start` and waits until it prints that it is running. */
export async function startLethe(env: NodeJS.ProcessEnv, timeoutMs = 90_000, options: { asTerminalJob?: boolean } = {}): Promise<StartedLethe> {
  const child = spawnLethe(["start"], env, options.asTerminalJob ?? false);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));

  const deadline = Date.now() + timeoutMs;
  while (!/Lethe is running\.[\s\S]*Ctrl-C/.test(output)) {
    if (child.exitCode !== null) throw new Error(`lethe start exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`lethe start did not come up in ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const sandboxUrl = /sandbox\s+reference at (\S+)/.exec(output)?.[1];
  const apiUrl = /API health\s+(\S+)\/api\/v1\/health/.exec(output)?.[1];
  if (!sandboxUrl || !apiUrl) throw new Error(`lethe start did not print its URLs:\n${output}`);
  return {
    output: () => output,
    sandboxUrl,
    apiUrl,
    stop: async () => {
      child.kill("SIGINT");
      return exited;
    },
    interruptGroup: async () => {
      if (!options.asTerminalJob || child.pid === undefined) throw new Error("interruptGroup needs startLethe(…, { asTerminalJob: true })");
      process.kill(-child.pid, "SIGINT");
      return exited;
    },
  };
}

/** A port that is free now, with the next one free too (the demo sandbox takes it). */
export async function freePortPair(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    if ((await isFree(port)) && (await isFree(port + 1))) return port;
  }
  throw new Error("no free pair of ports found");
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

export interface StartedWorker {
  child: ChildProcess;
  /** Everything it printed so far, stdout and stderr interleaved. */
  output: () => string;
  /** Resolves with the exit code (null when a signal killed it) and the signal. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `lethe worker …` and waits until it says it is running. */
export async function startLetheWorker(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<StartedWorker> {
  const child = spawnLethe(["worker", ...args], env);
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  const deadline = Date.now() + timeoutMs;
  while (!/worker running/.test(output)) {
    if (child.exitCode !== null) throw new Error(`lethe worker exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`lethe worker did not come up in ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, output: () => output, exited };
}

/** A run of `count` free ports starting at the returned one (`lethe start` takes one, each demo sandbox the next). */
export async function freePortRun(count: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    let free = true;
    for (let offset = 0; offset < count && free; offset += 1) free = await isFree(port + offset);
    if (free) return port;
  }
  throw new Error(`no free run of ${count} ports found`);
}
