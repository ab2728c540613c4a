import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";

/** What PostgreSQL writes to `<data>/postmaster.pid` while it runs (see pidfile.h). */
export interface PostmasterLock {
  pid: number;
  port: number;
  /** "starting", "stopping", "ready" or "standby"; absent in the first moments of startup. */
  status: string | undefined;
}

export function postmasterPidPath(dataDirectory: string): string {
  return join(dataDirectory, "postmaster.pid");
}

export async function readPostmasterLock(dataDirectory: string): Promise<PostmasterLock | undefined> {
  let text: string;
  try {
    text = await readFile(postmasterPidPath(dataDirectory), "utf8");
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") return undefined;
    throw error;
  }
  // Line 1: pid, 2: data directory, 3: start time, 4: port, 5: socket directory,
  // 6: listen address, 7: shared memory key, 8: status.
  const lines = text.split("\n").map((line) => line.trim());
  const pid = Number.parseInt(lines[0] ?? "", 10);
  const port = Number.parseInt(lines[3] ?? "", 10);
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, port: Number.isInteger(port) ? port : 0, status: lines[7] || undefined };
}

export async function removePostmasterLock(dataDirectory: string): Promise<void> {
  await rm(postmasterPidPath(dataDirectory), { force: true });
}
