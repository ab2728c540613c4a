import type { AudioRange } from "../audio/redact-wav-stream";
import type { PiiSpan, PiiType } from "../text/pii-span";

/** One recognised word with its timing in the recording. */
export interface TimedWord {
  text: string;
  startMs: number;
  endMs: number;
  /** Speaker label as the transcript gives it (`agent`, `customer`, `spk_1` …). */
  speaker?: string;
  /** The audio channel the word was spoken on, when the transcript knows it. */
  channel?: number;
}

export interface TimedTranscript {
  words: readonly TimedWord[];
  /** Speaker label → channel, for words that carry a speaker but no channel (stereo: one party per channel). */
  speakerChannels?: Readonly<Record<string, number>>;
}

/** The transcript as one text (words joined by single spaces) and where each word sits in it. */
export interface TranscriptText {
  text: string;
  /** `wordOffsets[i]`: [start, end) of word i in `text`. */
  wordOffsets: readonly (readonly [number, number])[];
}

export class TranscriptTimingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TranscriptTimingError";
  }
}

/** Joins the words with single spaces: the text PII spans of a transcript are offsets into. */
export function transcriptText(transcript: TimedTranscript): TranscriptText {
  let text = "";
  const wordOffsets: (readonly [number, number])[] = [];
  for (const word of transcript.words) {
    if (text.length > 0) text += " ";
    wordOffsets.push([text.length, text.length + word.text.length]);
    text += word.text;
  }
  return { text, wordOffsets };
}

export interface AudioRangeOptions {
  /** Added before and after each word, so the edges of a spoken digit are not left audible (default 150 ms). */
  paddingMs?: number;
  /** Ranges on the same channel closer than this are merged (default 0: only overlapping or touching ones). */
  mergeGapMs?: number;
  /**
   * Only words spoken on these channels (e.g. the subject's, to keep the agent's side as
   * evidence); a word of unknown channel then gives a range on each of these channels.
   */
  channels?: readonly number[];
}

function channelOf(word: TimedWord, transcript: TimedTranscript): number | undefined {
  if (word.channel !== undefined) return word.channel;
  if (word.speaker !== undefined) return transcript.speakerChannels?.[word.speaker];
  return undefined;
}

/**
 * The audio ranges where the words covered by `spans` (offsets into `transcriptText`) were
 * spoken, on the speaker's channel, padded and merged per channel. A word whose channel is not
 * known gives a range on every channel (`channel` left out): when in doubt, more is silenced.
 */
export function audioRangesForSpans(
  transcript: TimedTranscript,
  spans: readonly Pick<PiiSpan, "start" | "end">[],
  options: AudioRangeOptions = {},
): AudioRange[] {
  const padding = options.paddingMs ?? 150;
  const gap = options.mergeGapMs ?? 0;
  const { wordOffsets } = transcriptText(transcript);
  const raw: AudioRange[] = [];
  transcript.words.forEach((word, index) => {
    const offsets = wordOffsets[index];
    if (!offsets || !spans.some((span) => span.start < offsets[1] && span.end > offsets[0])) return;
    if (!(word.endMs >= word.startMs) || word.startMs < 0) {
      throw new TranscriptTimingError(`word ${index} has timing ${word.startMs}–${word.endMs} ms; a forward range from 0 ms is needed`);
    }
    const channel = channelOf(word, transcript);
    const range = { startMs: Math.max(0, word.startMs - padding), endMs: word.endMs + padding };
    if (options.channels) {
      const targets = channel === undefined ? options.channels : options.channels.filter((wanted) => wanted === channel);
      for (const target of targets) raw.push({ channel: target, ...range });
    } else {
      raw.push(channel === undefined ? range : { channel, ...range });
    }
  });
  return mergeAudioRanges(raw, gap);
}

/** Merges ranges on the same channel that overlap (or lie within `gapMs`); sorted by channel, then time. */
export function mergeAudioRanges(ranges: readonly AudioRange[], gapMs = 0): AudioRange[] {
  const key = (range: AudioRange) => (range.channel === undefined ? -1 : range.channel);
  const sorted = [...ranges].sort((a, b) => key(a) - key(b) || a.startMs - b.startMs);
  const merged: AudioRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && key(last) === key(range) && range.startMs <= last.endMs + gapMs) {
      last.endMs = Math.max(last.endMs, range.endMs);
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

/** The transcript with every word a span touches replaced by `[REDACTED:<type>]`; timings kept. */
export function redactTranscriptWords(transcript: TimedTranscript, spans: readonly Pick<PiiSpan, "start" | "end" | "type">[]): TimedWord[] {
  const { wordOffsets } = transcriptText(transcript);
  return transcript.words.map((word, index) => {
    const offsets = wordOffsets[index];
    const span = offsets ? spans.find((candidate) => candidate.start < offsets[1] && candidate.end > offsets[0]) : undefined;
    return span ? { ...word, text: `[REDACTED:${span.type satisfies PiiType}]` } : { ...word };
  });
}
