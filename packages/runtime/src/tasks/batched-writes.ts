import type { RuntimeCheckpointStore } from "../postgres-checkpoint-store";

/**
 * Items a task stores in batches — one multi-row statement per batch instead of one per item —
 * followed by the connector's deferred checkpoint, so the saved cursor never runs ahead of
 * what is stored (postgres-checkpoint-store.ts). `add` writes when the batch is full; `flush`
 * writes the rest, and belongs in a `finally`: items the connector yielded before a failure are
 * true, and keeping them spares the retry from repeating their vendor work.
 */
export interface BatchedWrites<Item> {
  add(item: Item): Promise<void>;
  flush(): Promise<void>;
}

/** How many yielded items are stored in one statement. */
export const defaultBatchSize = 50;

export function batchedWrites<Item>(
  write: (items: Item[]) => Promise<void>,
  checkpoint: RuntimeCheckpointStore,
  batchSize = defaultBatchSize,
): BatchedWrites<Item> {
  let batch: Item[] = [];
  const flush = async () => {
    const items = batch;
    batch = [];
    if (items.length > 0) await write(items);
    await checkpoint.flush();
  };
  return {
    async add(item) {
      batch.push(item);
      if (batch.length >= batchSize) await flush();
    },
    flush,
  };
}
