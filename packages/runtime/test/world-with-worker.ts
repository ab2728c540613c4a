import type { Database, SecretSealer } from "@lethe/db";
import type { ConnectorRegistry } from "../src/connector-registry";
import { startWorker, type RunningWorker, type StartWorkerOptions } from "../src/worker";
import { openReferenceWorld, type ReferenceWorld } from "./reference-world";

/*
 * Test support: a worker over a test world, started the same way by every database test, and the
 * reference world with its worker behind one `close()`.
 */

/** What a worker needs of a world: its database, connectors, secrets and export folder. */
export interface WorkerWorld {
  database: Database;
  registry: ConnectorRegistry;
  secretBox: SecretSealer;
  exportDirectory: string;
}

/** Anything of `startWorker`'s options a test sets itself; the world supplies the rest. */
export type TestWorkerOptions = Partial<Omit<StartWorkerOptions, "db">>;

/**
 * Starts a worker over `world`: 4 jobs at a time, quiet, and looking for due jobs every 50 ms so
 * that retried and rescheduled jobs run as soon as they are due rather than up to a second later.
 */
export function startTestWorker(world: WorkerWorld, overrides: TestWorkerOptions = {}): Promise<RunningWorker> {
  return startWorker({
    registry: world.registry,
    secretBox: world.secretBox,
    exportDirectory: world.exportDirectory,
    concurrency: 4,
    pollIntervalMs: 50,
    log: () => undefined,
    ...overrides,
    db: world.database,
  });
}

export interface ReferenceWorldWithWorker extends ReferenceWorld {
  worker: RunningWorker;
  /** Stops the worker first (it still uses the database and the sandbox), then the world. */
  close(): Promise<void>;
}

/** `openReferenceWorld` plus a running `startTestWorker` over it (`worker` overrides its options). */
export async function openReferenceWorldWithWorker(
  options: Parameters<typeof openReferenceWorld>[0] & { worker?: TestWorkerOptions } = {},
): Promise<ReferenceWorldWithWorker> {
  const { worker: workerOptions, ...worldOptions } = options;
  const world = await openReferenceWorld(worldOptions);
  let worker: RunningWorker;
  try {
    worker = await startTestWorker(world, workerOptions);
  } catch (error) {
    await world.close();
    throw error;
  }
  return {
    ...world,
    worker,
    async close() {
      try {
        await worker.stop();
      } finally {
        await world.close();
      }
    },
  };
}
