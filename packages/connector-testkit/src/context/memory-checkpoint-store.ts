import type { CheckpointStore, JsonValue } from "@lethe/connector-sdk";

/** A checkpoint store held in memory, for tests; the runtime keeps checkpoints in Postgres. */
export interface MemoryCheckpointStore extends CheckpointStore {
  /** Every state saved, oldest first. */
  readonly saves: readonly JsonValue[];
}

export function createMemoryCheckpointStore(initial?: JsonValue): MemoryCheckpointStore {
  // Copies in and out, as a database would: a connector mutating its state object after saving
  // it must not change what was saved.
  let current = initial === undefined ? undefined : structuredClone(initial);
  const saves: JsonValue[] = [];
  return {
    saves,
    load: async () => (current === undefined ? undefined : structuredClone(current)),
    save: async (state) => {
      current = structuredClone(state);
      saves.push(structuredClone(state));
    },
  };
}
