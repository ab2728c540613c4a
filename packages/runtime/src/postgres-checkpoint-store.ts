import type { CheckpointStore } from "@lethe/connector-sdk";
import { loadCheckpoint, saveCheckpoint, type Database } from "@lethe/db";
import { z } from "zod";

const jsonState = z.json();

/** `${requestId}:${instanceId}:${phase}` — one resumable operation of one job. */
export function checkpointKey(requestId: string, instanceId: string, phase: string): string {
  return `${requestId}:${instanceId}:${phase}`;
}

/**
 * A connector's resumable state in `job_checkpoints`. Each save is committed at once: the
 * runtime has already stored every item the connector yielded before this state was saved
 * (it persists each item before pulling the next), so resuming from it skips nothing unsaved.
 */
export function createPostgresCheckpointStore(database: Database, key: string): CheckpointStore {
  return {
    async load() {
      const state = await loadCheckpoint(database.db, key);
      if (state === undefined || state === null) return undefined;
      return jsonState.parse(state);
    },
    async save(state) {
      await saveCheckpoint(database.db, key, state);
    },
  };
}
