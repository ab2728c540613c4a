import type { RequestHandler } from "express";
import { z } from "zod";
import { sendVendorError } from "../http/vendor-error";
import type { SandboxState } from "../sandbox-state";
import type { RecordingRow } from "../world/world";
import { findRecording } from "./get-recording-parts";
import { recordingJson } from "./recording-json";

const redactBody = z.object({
  mode: z.enum(["silence", "tone"]).default("silence"),
  segments: z
    .array(z.object({ channel: z.int().nonnegative(), startMs: z.int().nonnegative(), endMs: z.int().nonnegative(), label: z.string().default("pii") }))
    .default([]),
  transcriptSpans: z
    .array(z.object({ utteranceId: z.string().min(1), start: z.int().nonnegative(), end: z.int().nonnegative(), label: z.string().default("pii") }))
    .default([]),
});

/**
 * `POST /v1/recordings/{id}:redact {mode, segments, transcriptSpans}` → the recording (API.md,
 * "Redaction"). Segments are muted (or toned) on their channel; every transcript word a span
 * touches becomes `[REDACTED:label]`, keeping its timing, and the utterance text is rebuilt from
 * the words. Allowed under legal hold. 409 for audio segments once the media is deleted.
 */
export function postRedact(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const recording = findRecording(state, req.params.id, res);
    if (!recording) return;
    const parsed = redactBody.safeParse(req.body);
    if (!parsed.success) {
      sendVendorError(res, 400, "bad.request", `Invalid redaction: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
      return;
    }
    const { mode, segments, transcriptSpans } = parsed.data;
    const bad = segments.find((s) => s.endMs <= s.startMs || s.startMs >= recording.durationMs || s.channel >= recording.audio.channels);
    if (bad) {
      sendVendorError(res, 400, "bad.request", `Each segment needs startMs < endMs inside the recording, on a channel below ${recording.audio.channels}.`);
      return;
    }
    if (segments.length > 0 && recording.fileState === "DELETED") {
      sendVendorError(res, 409, "recording.media.deleted", "The media of this recording has been deleted.", [recording.id]);
      return;
    }
    const unknown = transcriptSpans.find((s) => !recording.utterances.some((u) => u.utteranceId === s.utteranceId) || s.end <= s.start);
    if (unknown) {
      sendVendorError(res, 400, "bad.request", "Each transcript span needs an utteranceId of this recording and start < end.");
      return;
    }
    const now = state.clock.now().toISOString();
    state.store.redactAudio(recording, segments, mode);
    recording.redactions.push(...segments.map((s) => ({ channel: s.channel, startMs: s.startMs, endMs: s.endMs, mode, label: s.label, appliedAt: now })));
    redactWords(recording, transcriptSpans);
    res.status(200).json(recordingJson(state.store, recording));
  };
}

/* Every span's offsets are into the text as the client read it, so all are placed before any word changes. */
function redactWords(recording: RecordingRow, spans: { utteranceId: string; start: number; end: number; label: string }[]): void {
  for (const utterance of recording.utterances) {
    const mine = spans.filter((span) => span.utteranceId === utterance.utteranceId);
    if (mine.length === 0) continue;
    let offset = 0;
    const labels = utterance.words.map((word) => {
      const from = offset;
      const to = offset + word.word.length;
      offset = to + 1;
      return mine.find((span) => from < span.end && to > span.start)?.label;
    });
    utterance.words.forEach((word, index) => {
      const label = labels[index];
      if (label !== undefined) word.word = `[REDACTED:${label}]`;
    });
    utterance.text = utterance.words.map((w) => w.word).join(" ");
  }
}
