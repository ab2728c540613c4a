import type { RecordPresence, RecordRef } from "@lethe/connector-sdk";
import type { RecorderContext } from "../settings";
import { readRecording } from "../vendor/read-recording";
import { isRecorderRecordType } from "../vendor/records";
import { callVendor, expectStatus, pathId } from "../vendor/vendor-request";

/**
 * Reads each record back by id after erasure: the recording's metadata, the transcript and the
 * consent events each from their own route, because a job that purged the recording may have left
 * the other two behind — a search by the subject's identifiers no longer finds them, a read by id
 * does. A recording whose media is deleted but whose metadata remains is still present.
 */
export async function* readBackRecords(ctx: RecorderContext, refs: RecordRef[]): AsyncGenerator<RecordPresence> {
  for (const ref of refs) {
    ctx.signal.throwIfAborted();
    if (!isRecorderRecordType(ref.type)) throw new TypeError(`The recorder connector has no record type "${ref.type}"`);
    if (ref.type === "recording") {
      const recording = await readRecording(ctx, ref.id);
      yield recording
        ? { ref, present: true, detail: `the recorder still holds the recording (media ${recording.fileState.toLowerCase()})` }
        : { ref, present: false };
      continue;
    }
    const route = `recordings.${ref.type}`;
    const response = await callVendor(ctx, { method: "GET", path: `/v1/recordings/${pathId(ref.id)}/${ref.type}`, route });
    if (response.status === 404) {
      yield { ref, present: false };
      continue;
    }
    expectStatus(response, [200], route);
    await response.text();
    yield { ref, present: true, detail: `the recorder still serves the ${ref.type === "consent" ? "consent events" : "transcript"} of the call` };
  }
}
