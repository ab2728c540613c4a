import type { RecordPresence, RecordRef } from "@lethe/connector-sdk";
import { readTwilioRecord } from "../export/read-twilio-record";
import type { TwilioContext } from "../settings";

/**
 * Reads each record back by its SID after erasure, never by searching: a deleted call log leaves
 * its recordings and transcriptions behind, and only a read by SID finds them. A recording is read
 * with `IncludeSoftDeleted=true`, so that one whose audio is deleted but whose metadata Twilio
 * still keeps (40 days) is seen: it counts as absent — the audio, the personal data, is gone —
 * and the detail says what remains.
 */
export async function* readBackRecords(ctx: TwilioContext, refs: RecordRef[]): AsyncGenerator<RecordPresence> {
  for (const ref of refs) {
    ctx.signal.throwIfAborted();
    const record = await readTwilioRecord(ctx, ref, ref.type === "recording" ? { IncludeSoftDeleted: "true" } : undefined);
    if (!record) {
      yield { ref, present: false };
    } else if (ref.type === "recording" && record.status === "deleted") {
      yield { ref, present: false, detail: "the audio is deleted; Twilio keeps the recording's metadata, marked deleted, for 40 days" };
    } else {
      yield { ref, present: true, detail: `Twilio still serves the ${ref.type}` };
    }
  }
}
