import { spawn } from "node:child_process";
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

/*
 * A throwaway Lethe installation, as an operator makes one: a directory with a package.json into
 * which connector plugins are `npm install`ed from packed tarballs, and the built `lethe` run with
 * that directory as its current directory.
 */

const run = promisify(execFile);
export const repositoryRoot = fileURLToPath(new URL("../../../", import.meta.url));
const executable = path.join(repositoryRoot, "apps/cli/dist/bin.js");

/** `npm pack` (or `pnpm pack` for a workspace package, which rewrites workspace: and catalog: versions); the tarball's path. */
export async function packPackage(directory: string, destination: string, tool: "npm" | "pnpm"): Promise<string> {
  const { stdout } = await run(tool, ["pack", "--pack-destination", destination], { cwd: directory });
  const file = stdout.trim().split("\n").pop()?.trim() ?? "";
  return path.isAbsolute(file) ? file : path.join(destination, path.basename(file));
}

/** A directory with its own package.json and the tarballs installed by npm, as any npm project. */
export async function makeInstallation(directory: string, tarballs: string[]): Promise<string> {
  await mkdir(directory, { recursive: true });
  await writeFile(path.join(directory, "package.json"), JSON.stringify({ name: "lethe-installation", version: "1.0.0", private: true }));
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error", ...tarballs], { cwd: directory, timeout: 180_000 });
  return directory;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** One `lethe …` command run to completion in the installation directory. */
export function runLetheIn(directory: string, args: string[], env: NodeJS.ProcessEnv): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [executable, ...args], { cwd: directory, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export interface ServingLethe {
  output: () => string;
  stop(): Promise<number | null>;
}

/** A long-running `lethe …` in the installation directory, once its output matches `ready`. */
export async function serveLetheIn(directory: string, args: string[], env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 180_000): Promise<ServingLethe> {
  const child = spawn(process.execPath, [executable, ...args], { cwd: directory, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  const deadline = Date.now() + timeoutMs;
  while (!ready.test(output)) {
    if (child.exitCode !== null) throw new Error(`lethe ${args.join(" ")} exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`lethe ${args.join(" ")} was not ready in ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    output: () => output,
    stop: async () => {
      child.kill("SIGINT");
      return exited;
    },
  };
}
