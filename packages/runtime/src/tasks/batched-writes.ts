import type { RuntimeCheckpointStore } from "../postgres-checkpoint-store";

/**
 * Items a task stores in batches — one multi-row statement per batch instead of one per item —
 * followed by the connector's deferred checkpoint, so the saved cursor never runs ahead of
 * what is stored (postgres-checkpoint-store.ts). `add` writes when the batch is full.
 */
export interface BatchedWrites<Item> {
  add(item: Item): Promise<void>;
  /**
   * The connector failed or the job was stopped: stores the rest and the checkpoint that covers
   * it (items yielded before a failure are true, and keeping them spares the retry their vendor work).
   */
  flush(): Promise<void>;
  /**
   * The connector finished: stores the rest, and not the checkpoint — the task completes next,
   * and a worker killed before that resumes from the last one written, repeating work the task
   * stores idempotently. One statement fewer per job.
   */
  finish(): Promise<void>;
}

/** Runs `produce`, then `finish`es the batch, or `flush`es it if `produce` failed. */
export async function storingBatches<Item>(writes: BatchedWrites<Item>, produce: () => Promise<void>): Promise<void> {
  let produced = false;
  try {
    await produce();
    produced = true;
  } finally {
    if (produced) await writes.finish();
    else await writes.flush();
  }
}

/** How many yielded items are stored in one statement. */
export const defaultBatchSize = 50;

export function batchedWrites<Item>(
  write: (items: Item[]) => Promise<void>,
  checkpoint: RuntimeCheckpointStore,
  batchSize = defaultBatchSize,
): BatchedWrites<Item> {
  let batch: Item[] = [];
  const writeBatch = async () => {
    const items = batch;
    batch = [];
    if (items.length > 0) await write(items);
  };
  const flush = async () => {
    await writeBatch();
    await checkpoint.flush();
  };
  return {
    async add(item) {
      batch.push(item);
      if (batch.length >= batchSize) await flush();
    },
    flush,
    async finish() {
      await writeBatch();
      checkpoint.discard();
    },
  };
}
