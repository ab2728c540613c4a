import { z } from "zod";
import type { RecorderContext } from "../settings";
import type { RecorderRecordType } from "../vendor/records";

/** Refs are yielded in this order per recording; the checkpoint names the last one done. */
export const typeOrder: readonly RecorderRecordType[] = ["recording", "transcript", "consent"];

/**
 * Where an interrupted locate stopped: the last ref it yielded, as (recording id, type). The
 * searches are not saved; they are repeated on resume (a few cheap calls), which keeps identifier
 * values out of the checkpoint. Refs are walked in (id, type) order, so "after" needs no list.
 */
const locateCheckpoint = z.object({
  version: z.literal(1),
  afterRecording: z.string(),
  afterType: z.int().nonnegative(),
});
export type LocateCheckpoint = z.output<typeof locateCheckpoint>;

export async function loadLocateCheckpoint(ctx: RecorderContext): Promise<LocateCheckpoint | undefined> {
  const saved = await ctx.checkpoint.load();
  if (saved === undefined) return undefined;
  const parsed = locateCheckpoint.safeParse(saved);
  if (parsed.success) return parsed.data;
  // Starting over may repeat records, which the runtime tolerates; guessing could skip some.
  ctx.log.warn("Ignoring a locate checkpoint in an unknown format; locating from the start");
  return undefined;
}

export function isDone(checkpoint: LocateCheckpoint | undefined, recordingId: string, typeIndex: number): boolean {
  if (!checkpoint) return false;
  if (recordingId !== checkpoint.afterRecording) return recordingId < checkpoint.afterRecording;
  return typeIndex <= checkpoint.afterType;
}
