import { open, readFile, rm, stat } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";
import { isProcessAlive } from "./process-probes";

const inProcessQueues = new Map<string, Promise<void>>();

/**
 * Runs `critical` while holding `lockPath`, so that two starters (in this process or another)
 * never both decide to initialise or start the same cluster. The lock is a file created with
 * O_EXCL holding the holder's pid; a file whose pid is gone (the holder crashed) is stale.
 */
export async function withStartupLock<T>(lockPath: string, critical: () => Promise<T>): Promise<T> {
  const previous = inProcessQueues.get(lockPath) ?? Promise.resolve();
  const run = previous.then(() => holdLockFile(lockPath, critical));
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  inProcessQueues.set(lockPath, settled);
  void settled.then(() => {
    if (inProcessQueues.get(lockPath) === settled) inProcessQueues.delete(lockPath);
  });
  return run;
}

async function holdLockFile<T>(lockPath: string, critical: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      const handle = await open(lockPath, "wx", 0o600);
      await handle.writeFile(String(process.pid));
      await handle.close();
      break;
    } catch (error) {
      if (!(error instanceof Error && "code" in error && error.code === "EEXIST")) throw error;
    }
    if (await isStale(lockPath)) {
      // Two processes clearing the same stale file at once is possible but harmless enough
      // for a single-machine development server; PostgreSQL's own postmaster.pid check
      // still stops two servers from sharing one data directory.
      await rm(lockPath, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${lockPath}, held by another process`);
    }
    await sleep(100);
  }
  try {
    return await critical();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function isStale(lockPath: string): Promise<boolean> {
  const holder = Number.parseInt(await readFile(lockPath, "utf8").catch(() => ""), 10);
  if (Number.isInteger(holder)) {
    // Calls in this process are queued above, so our own pid in the file is a leftover.
    return holder === process.pid || !isProcessAlive(holder);
  }
  // No pid yet: the holder is between creating the file and writing it, unless that was long ago.
  const status = await stat(lockPath).catch(() => undefined);
  return status === undefined || Date.now() - status.mtimeMs > 5_000;
}
