import { spawn } from "node:child_process";

/**
 * Runs a documented command line as a reader would paste it into `sh`, with stdout and stderr
 * interleaved in one transcript (what the reader sees). `trace` adds `-e -x`: stop at the first
 * failing command and print each one before it runs, for a multi-line script.
 */
export function runInShell(
  command: string,
  options: { cwd: string; env: NodeJS.ProcessEnv; trace?: boolean },
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const flags = options.trace ? ["-e", "-x", "-c"] : ["-c"];
    const child = spawn("sh", [...flags, command], { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}
