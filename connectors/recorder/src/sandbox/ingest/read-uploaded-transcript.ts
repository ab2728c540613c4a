import { z } from "zod";
import type { UtteranceRow } from "../world/world";
import { UploadRefusedError } from "./upload-refused";

/*
 * An uploaded transcript, in the shape `GET /v1/recordings/{id}/transcript` serves (API.md,
 * "Resources"), minus what the recorder assigns: `recordingId` is ignored if sent, `utteranceId`
 * and `channel` are optional (the recorder numbers utterances and takes the speaker's channel).
 */

export const maxUploadedUtterances = 5_000;

const word = z.strictObject({
  word: z.string().min(1),
  startMs: z.int().nonnegative(),
  endMs: z.int().nonnegative(),
  confidence: z.number().min(0).max(1),
});

const utterance = z.strictObject({
  utteranceId: z.string().min(1).optional(),
  participantId: z.string().min(1),
  channel: z.int().nonnegative().optional(),
  startMs: z.int().nonnegative(),
  endMs: z.int().nonnegative(),
  text: z.string(),
  words: z.array(word).min(1),
});

export const uploadedTranscript = z.strictObject({
  recordingId: z.string().optional(),
  language: z.string().min(2).default("en-US"),
  utterances: z.array(utterance).max(maxUploadedUtterances),
});

/** The transcript part's problems. */
export class TranscriptUploadError extends UploadRefusedError {}

/** A party of the uploaded call, as the transcript may name it. */
export interface TranscriptSpeaker {
  participantId: string;
  channel: number | null;
}

/**
 * The transcript's utterances for the recording `recordingId`, each word inside the audio and on
 * its speaker's channel; throws every problem found. The utterance text is rebuilt from the words
 * (the recorder's transcripts are word-aligned, and redaction edits words).
 */
export function readUploadedTranscript(json: string, recordingId: string, speakers: readonly TranscriptSpeaker[], durationMs: number): UtteranceRow[] {
  let body: unknown;
  try {
    body = JSON.parse(json) as unknown;
  } catch {
    throw new TranscriptUploadError(["transcript is not JSON."]);
  }
  const parsed = uploadedTranscript.safeParse(body);
  if (!parsed.success) {
    throw new TranscriptUploadError(parsed.error.issues.map((issue) => `transcript.${issue.path.join(".")}: ${issue.message}`));
  }
  const problems: string[] = [];
  const utterances = parsed.data.utterances.map((u, index): UtteranceRow => {
    const where = `transcript.utterances.${index}`;
    const speaker = speakers.find((s) => s.participantId === u.participantId);
    if (!speaker) problems.push(`${where}.participantId: ${u.participantId} is no participant of the metadata.`);
    const channel = u.channel ?? speaker?.channel ?? null;
    if (speaker && channel !== speaker.channel) problems.push(`${where}.channel: the participant speaks on channel ${String(speaker.channel)}.`);
    if (channel === null && speaker) problems.push(`${where}: the participant sends no stream, so nothing they said is in the audio.`);
    if (u.endMs < u.startMs || u.endMs > durationMs) problems.push(`${where}: startMs..endMs must lie within the audio (${durationMs} ms).`);
    u.words.forEach((w, wordIndex) => {
      if (w.endMs < w.startMs || w.startMs < u.startMs || w.endMs > u.endMs) problems.push(`${where}.words.${wordIndex}: must lie within its utterance.`);
    });
    return {
      utteranceId: u.utteranceId ?? `${recordingId}-u${index}`,
      participantId: u.participantId,
      channel: channel ?? 0,
      startMs: u.startMs,
      endMs: u.endMs,
      text: u.words.map((w) => w.word).join(" "),
      words: u.words.map((w) => ({ ...w })),
    };
  });
  if (new Set(utterances.map((u) => u.utteranceId)).size !== utterances.length) problems.push("transcript: two utterances share an utteranceId.");
  if (problems.length > 0) throw new TranscriptUploadError(problems);
  return utterances;
}
