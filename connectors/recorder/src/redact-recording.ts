import type { ErasureReceipt, RecordRef, RedactionSpan } from "@lethe/connector-sdk";
import type { RecorderContext } from "./settings";
import { readRecord } from "./vendor/read-vendor-json";
import { isRecorderRecordType, recordingRecord, transcriptRecord, type TranscriptRecord } from "./vendor/records";
import { callVendor, expectStatus, pathId } from "./vendor/vendor-request";

/** `utterances[3].text`: a text span's field, as a path into the exported transcript record. */
const utteranceField = /^utterances\[(\d+)\]\.text$/;

/**
 * Removes parts of a call through the recorder's redaction endpoint (API.md, "Redaction"):
 * audio spans are muted on their channel (the rest of the file stays bit-identical), text spans
 * of the transcript become `[REDACTED:label]` over the words they touch. A recording ref and a
 * transcript ref of the same call both accept both kinds. Allowed under legal hold: a hold keeps
 * the call, and the recorder lets what must go (a card number read out) go.
 */
export async function redactRecording(ctx: RecorderContext, ref: RecordRef, spans: RedactionSpan[]): Promise<ErasureReceipt> {
  if (!isRecorderRecordType(ref.type) || ref.type === "consent") {
    throw new TypeError(`The recorder redacts recordings and transcripts, not "${ref.type}"`);
  }
  const segments = spans.flatMap((span) =>
    span.kind === "audio" || span.kind === "speech" ? [{ channel: span.channel, startMs: span.startMs, endMs: span.endMs, label: span.label }] : [],
  );
  const textSpans = spans.filter((span) => span.kind === "text");
  const speech = spans.filter((span) => span.kind === "speech");
  const transcriptSpans = textSpans.length > 0 || speech.length > 0 ? await transcriptSpansOf(ctx, ref.id, textSpans, speech) : [];
  if (transcriptSpans === undefined) return { ref, outcome: "already-absent", detail: "The recorder no longer holds this call" };

  const route = "recordings.redact";
  const response = await callVendor(ctx, {
    method: "POST",
    path: `/v1/recordings/${pathId(ref.id)}:redact`,
    body: { mode: "silence", segments, transcriptSpans },
    // Muting a range twice leaves it as muting it once: safe to repeat after a 5xx.
    idempotent: true,
    route,
  });
  if (response.status === 404) return { ref, outcome: "already-absent", detail: "The recorder no longer holds this call" };
  expectStatus(response, [200], route);
  await readRecord(response, recordingRecord, { route, recordType: "recording" });
  const parts = [
    segments.length > 0 ? `muted ${segments.length} audio range(s) (${segments.map((s) => `ch${s.channel} ${s.startMs}-${s.endMs} ms`).join(", ")})` : undefined,
    transcriptSpans.length > 0 ? `redacted ${transcriptSpans.length} transcript span(s)` : undefined,
  ].filter(Boolean);
  return { ref, outcome: "redacted", detail: parts.length > 0 ? parts.join("; ") : "Nothing to redact" };
}

type TextSpan = Extract<RedactionSpan, { kind: "text" }>;
type SpeechSpan = Extract<RedactionSpan, { kind: "speech" }>;

/**
 * Text spans name utterances by index, and the API wants their ids; speech spans become the
 * words said on their channel within their range. Undefined when the call is gone.
 */
async function transcriptSpansOf(ctx: RecorderContext, id: string, spans: TextSpan[], speech: SpeechSpan[]) {
  const route = "recordings.transcript";
  const response = await callVendor(ctx, { method: "GET", path: `/v1/recordings/${pathId(id)}/transcript`, route });
  if (response.status === 404) return undefined;
  expectStatus(response, [200], route);
  const transcript = await readRecord(response, transcriptRecord, { route, recordType: "transcript" });
  const named = spans.map((span) => {
    const index = utteranceField.exec(span.field)?.[1];
    const utterance = index === undefined ? undefined : transcript.utterances[Number(index)];
    if (!utterance) throw new TypeError(`A transcript span must name an existing field utterances[i].text, not "${span.field}"`);
    return { utteranceId: utterance.utteranceId, start: span.start, end: span.end, label: span.label };
  });
  return [...named, ...speech.flatMap((span) => transcript.utterances.flatMap((utterance) => wordsSaidIn(utterance, span)))];
}

/**
 * The stretch of an utterance's text whose words were said on the span's channel within its
 * range, as one transcript span (offsets into `text`, the words joined by single spaces); none
 * when no word of it falls there.
 */
function wordsSaidIn(utterance: TranscriptRecord["utterances"][number], span: SpeechSpan) {
  if (utterance.channel !== span.channel) return [];
  let offset = 0;
  let start: number | undefined;
  let end = 0;
  for (const word of utterance.words) {
    if (word.startMs < span.endMs && word.endMs > span.startMs) {
      start ??= offset;
      end = offset + word.word.length;
    }
    offset += word.word.length + 1;
  }
  return start === undefined ? [] : [{ utteranceId: utterance.utteranceId, start, end, label: span.label }];
}
