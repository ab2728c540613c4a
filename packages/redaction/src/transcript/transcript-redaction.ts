import type { AudioRange } from "../audio/redact-wav-stream";
import { detectPii, type PiiDetectionOptions } from "../text/detect-pii";
import type { PiiSpan } from "../text/pii-span";
import { audioRangesForSpans, redactTranscriptWords, transcriptText, type AudioRangeOptions, type TimedTranscript, type TimedWord } from "./transcript-audio-ranges";

export interface TranscriptRedactionPlan {
  /** PII found in the transcript's text (offsets into `transcriptText(transcript).text`). */
  spans: PiiSpan[];
  /** The words, those inside a span replaced by `[REDACTED:<type>]`. */
  words: TimedWord[];
  /** Where to redact the audio, per channel. */
  ranges: AudioRange[];
}

/**
 * Detects PII in a timed transcript and plans its redaction: the transcript's words to replace
 * and the audio ranges to silence (hand them to `redactWavStream`).
 */
export function planTranscriptRedaction(
  transcript: TimedTranscript,
  options: { detection?: PiiDetectionOptions; audio?: AudioRangeOptions } = {},
): TranscriptRedactionPlan {
  const { text } = transcriptText(transcript);
  const spans = detectPii(text, options.detection);
  return {
    spans,
    words: redactTranscriptWords(transcript, spans),
    ranges: audioRangesForSpans(transcript, spans, options.audio),
  };
}
