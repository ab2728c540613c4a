import { readFile, readlink, realpath } from "node:fs/promises";
import { connect, createServer } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

/** True while a process with this pid exists (EPERM: it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error instanceof Error && "code" in error && error.code === "EPERM";
  }
}

/**
 * Whether `pid` is a PostgreSQL server working in `dataDirectory` (a postmaster's working
 * directory is its cluster). After a crash the pid in postmaster.pid may have been reused by an
 * unrelated process — even another cluster's backend — which PostgreSQL would take for a live
 * server. Where /proc cannot tell (macOS, another user's process) a live pid is taken at its word.
 */
export async function isPostmasterOf(pid: number, dataDirectory: string): Promise<boolean> {
  if (!isProcessAlive(pid)) return false;
  const command = await readFile(`/proc/${pid}/comm`, "utf8").catch(() => undefined);
  if (command !== undefined && command.trim() !== "postgres") return false;
  const workingDirectory = await readlink(`/proc/${pid}/cwd`).catch(() => undefined);
  if (workingDirectory === undefined) return true;
  const cluster = await realpath(dataDirectory).catch(() => dataDirectory);
  return workingDirectory === cluster;
}

/** Whether something accepts TCP connections on 127.0.0.1:`port`. */
export function portAnswers(port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port });
    const finish = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once("connect", () => finish(true));
    socket.once("error", () => finish(false));
  });
}

/** A port free on 127.0.0.1 right now (another process may still take it before we bind it). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error("no free port was assigned"))));
    });
  });
}

/** Polls `condition` every `intervalMs` until it holds or `timeoutMs` passes; returns whether it held. */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  timeoutMs: number,
  intervalMs = 50,
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await condition()) return true;
    if (Date.now() >= deadline) return false;
    await sleep(intervalMs);
  }
}
