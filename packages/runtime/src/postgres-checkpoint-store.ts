import type { CheckpointStore, JsonValue } from "@lethe/connector-sdk";
import { loadCheckpoint, saveCheckpoint, type Database } from "@lethe/db";
import { z } from "zod";

const jsonState = z.json();

/** `${requestId}:${instanceId}:${phase}` — one resumable operation of one job. */
export function checkpointKey(requestId: string, instanceId: string, phase: string): string {
  return `${requestId}:${instanceId}:${phase}`;
}

/** The store a connector sees, plus what the runtime does with deferred saves. */
export interface RuntimeCheckpointStore extends CheckpointStore {
  /**
   * Writes the last deferred save, if one is waiting. Called by a task right after it has
   * stored the items the connector yielded before that save, so the cursor never runs ahead of
   * what is stored.
   */
  flush(): Promise<void>;
  /** Forgets a deferred save without writing it (the operation it belongs to has finished). */
  discard(): void;
}

/**
 * A connector's resumable state in `job_checkpoints`.
 *
 * Immediate (`defer: false`): each save is committed at once; the task stores each yielded item
 * before pulling the next, so resuming from a saved state skips nothing unsaved.
 *
 * Deferred (`defer: true`), for tasks that store yielded items in batches: a save is only kept in
 * memory, and `flush` writes the latest one after the batch it covers has been stored. A
 * connector saves after yielding, so every item a kept state covers was yielded before it and is
 * in that batch or an earlier one; a worker killed before `flush` resumes from the state written
 * before, repeating at most one batch (which the tasks store idempotently). One statement per
 * batch instead of one per record.
 */
export function createPostgresCheckpointStore(
  database: Database,
  key: string,
  options: { defer?: boolean; firstRun?: boolean } = {},
): RuntimeCheckpointStore {
  let waiting: { state: JsonValue } | undefined;
  return {
    async load() {
      // The first run of a job has no interrupted run of its own to resume; starting afresh is
      // always allowed (the connector contract tolerates repeated items), so nothing is read.
      if (options.firstRun) return undefined;
      const state = await loadCheckpoint(database.db, key);
      if (state === undefined || state === null) return undefined;
      return jsonState.parse(state);
    },
    async save(state) {
      if (options.defer) {
        waiting = { state };
        return;
      }
      await saveCheckpoint(database.db, key, state);
    },
    async flush() {
      if (!waiting) return;
      const { state } = waiting;
      waiting = undefined;
      await saveCheckpoint(database.db, key, state);
    },
    discard() {
      waiting = undefined;
    },
  };
}
