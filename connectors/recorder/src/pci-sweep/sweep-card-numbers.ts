import type { CardSweepInput, CardSweepPage, SweptRecord } from "@lethe/connector-sdk";
import { redactRecording } from "../redact-recording";
import type { RecorderContext } from "../settings";
import { readRecord } from "../vendor/read-vendor-json";
import { transcriptRecord, type RecordingRecord } from "../vendor/records";
import { callVendor, expectStatus, pathId } from "../vendor/vendor-request";
import { cardNumberSpans } from "./card-number-spans";
import { recordingsInInterval } from "./recordings-in-interval";

/**
 * The PCI sweep (README, "For the engine, the PCI sweep"; the SDK's `sweepCardNumbers` operation,
 * declared as `capabilities.cardSweep`): every call in the interval, page by
 * page, its transcript searched for spoken card numbers and each one redacted — the transcript
 * words and the audio where they were said on the speaker's channel. Independent of any request.
 *
 * A page is yielded once all its calls are redacted, with the cursor of the next, so the caller can
 * save the cursor and resume after a crash. Resuming repeats at most one page, which is harmless:
 * a redacted transcript holds `[REDACTED:card]`, not digits, so a call is never redacted twice.
 * A call whose media is deleted has its transcript redacted only; a call purged meanwhile is skipped.
 */
export async function* sweepCardNumbers(ctx: RecorderContext, input: CardSweepInput): AsyncGenerator<CardSweepPage> {
  let cursor = input.cursor ?? null;
  do {
    const page = await recordingsInInterval(ctx, input.interval, cursor);
    const records: SweptRecord[] = [];
    for (const recording of page.recordings) {
      ctx.signal.throwIfAborted();
      records.push(await sweepRecording(ctx, recording));
    }
    cursor = page.nextCursor;
    yield { records, nextCursor: cursor };
  } while (cursor !== null);
}

async function sweepRecording(ctx: RecorderContext, recording: RecordingRecord): Promise<SweptRecord> {
  const held = recording.legalHold ? { heldBy: recording.legalHold.holdId } : {};
  const route = "recordings.transcript";
  const response = await callVendor(ctx, { method: "GET", path: `/v1/recordings/${pathId(recording.id)}/transcript`, route });
  if (response.status === 404) return { recordId: recording.id, cardsFound: 0 };
  expectStatus(response, [200], route);
  const transcript = await readRecord(response, transcriptRecord, { route, recordType: "transcript" });
  const spans = cardNumberSpans(ctx.personalData, transcript, { audio: recording.fileState !== "DELETED" });
  const cardsFound = spans.filter((span) => span.kind === "text").length;
  if (cardsFound === 0) return { recordId: recording.id, cardsFound, ...held };
  const receipt = await redactRecording(ctx, { type: "recording", id: recording.id }, spans);
  return { recordId: recording.id, cardsFound, receipt, ...held };
}
