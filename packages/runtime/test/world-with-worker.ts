import type { RunningWorker } from "../src/worker";
import { openReferenceWorld, type ReferenceWorld } from "./reference-world";
import { startTestWorker, type TestWorkerOptions } from "./start-test-worker";

/** Test support: the reference world with a running worker over it, behind one `close()`. */
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
