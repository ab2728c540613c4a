import { z } from "zod";
import type { TwilioContext } from "../settings";

/*
 * Where an interrupted locate stopped. Refs are yielded in a fixed order — calls by SID, each
 * followed by its recordings and their transcriptions; then messages by SID, each followed by its
 * media — and each has a position string that sorts in exactly that order:
 *   call `0:{CA}`, recording `0:{CA}:{RE}`, transcription `0:{CA}:{RE}:{TR}`,
 *   message `1:{SM|MM}`, media `1:{MM}:{ME}`
 * (SIDs are all 34 characters, so comparing strings compares SID by SID). The checkpoint is the
 * last position yielded. The leg searches are repeated on resume (a few calls), which keeps the
 * subject's numbers out of the checkpoint; the listings under a call or message already finished
 * are not.
 */
const locateCheckpoint = z.object({ version: z.literal(1), after: z.string().min(1) });

export async function loadPosition(ctx: TwilioContext): Promise<string | undefined> {
  const saved = await ctx.checkpoint.load();
  if (saved === undefined) return undefined;
  const parsed = locateCheckpoint.safeParse(saved);
  if (parsed.success) return parsed.data.after;
  // Starting over may repeat records, which the runtime tolerates; guessing could skip some.
  ctx.log.warn("Ignoring a locate checkpoint in an unknown format; locating from the start");
  return undefined;
}

export function savePosition(ctx: TwilioContext, position: string): Promise<void> {
  return ctx.checkpoint.save({ version: 1, after: position });
}

export function position(...parts: (0 | 1 | string)[]): string {
  return parts.join(":");
}

/** Yielded before the interruption: at or before the checkpoint. */
export function isDone(after: string | undefined, at: string): boolean {
  return after !== undefined && at <= after;
}

/** Everything under `at` (the record and its children) was yielded before the interruption. */
export function isSubtreeDone(after: string | undefined, at: string): boolean {
  return after !== undefined && at < after && !after.startsWith(`${at}:`);
}
