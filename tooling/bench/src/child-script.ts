import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";

// Resolved here, so children load the same tsx whatever their working directory.
const tsxLoader = import.meta.resolve("tsx");

export class ChildScriptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ChildScriptError";
  }
}

/**
 * A TypeScript file of this package running in its own Node process, so what it measures (CPU,
 * peak RSS) is its own and what it costs does not land on ours. Its stderr goes to ours; its
 * stdout carries JSON lines for us.
 */
export interface ChildScript {
  process: ChildProcess;
  /** The next JSON line the child prints. */
  nextLine(): Promise<unknown>;
  /** Closes the child's stdin (its signal to stop) and waits for it to exit. */
  stop(): Promise<void>;
}

/**
 * `LETHE_BENCH_CPU_PROFILE_DIR=<dir>`: every child (engine, baseline, sandboxes) writes a V8 CPU
 * profile there when it exits (`--cpu-prof`, which Node refuses in NODE_OPTIONS), to see where a
 * side's time goes; open it in Chrome DevTools or summarise it with any .cpuprofile reader.
 */
function profilingFlags(): string[] {
  const directory = process.env.LETHE_BENCH_CPU_PROFILE_DIR;
  return directory ? ["--cpu-prof", `--cpu-prof-dir=${directory}`] : [];
}

function spawnScript(script: URL, args: readonly string[]): ChildProcess {
  // `source`: workspace packages resolve to their TypeScript, as under `pnpm bench` itself.
  return spawn(process.execPath, [...profilingFlags(), "--conditions=source", "--import", tsxLoader, fileURLToPath(script), ...args], {
    stdio: ["pipe", "pipe", "inherit"],
  });
}

/** Starts a long-running child (a sandbox server) that announces itself with a JSON line. */
export function startChildScript(script: URL, args: readonly string[]): ChildScript {
  const child = spawnScript(script, args);
  const name = fileURLToPath(script);
  if (!child.stdout) throw new ChildScriptError(`${name}: no stdout pipe`);
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  return {
    process: child,
    async nextLine() {
      const line = await lines.next();
      if (line.done) throw new ChildScriptError(`${name} exited (code ${child.exitCode}) before printing a line`);
      return parseLine(name, line.value);
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, "exit");
      child.stdin?.end();
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a child to completion and returns the last JSON line it printed. */
export async function runChildScript(script: URL, args: readonly string[]): Promise<unknown> {
  const child = spawnScript(script, args);
  const name = fileURLToPath(script);
  child.stdin?.end();
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  // A child process's "close" event carries its exit code and the signal that ended it.
  const [code, signal] = (await once(child, "close")) as [number | null, NodeJS.Signals | null];
  if (code !== 0) throw new ChildScriptError(`${name} failed (exit code ${code}${signal ? `, signal ${signal}` : ""})`);
  const last = output.trim().split("\n").at(-1);
  if (last === undefined || last === "") throw new ChildScriptError(`${name} printed no result`);
  return parseLine(name, last);
}

function parseLine(name: string, line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new ChildScriptError(`${name} printed a line that is not JSON: ${line.slice(0, 200)}`);
  }
}
