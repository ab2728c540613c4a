import { describe, expect, it } from "vitest";
import { audioRangesForSpans, mergeAudioRanges, redactTranscriptWords, transcriptText, TranscriptTimingError, type TimedTranscript } from "./transcript-audio-ranges";
import { planTranscriptRedaction } from "./transcript-redaction";

/** A stereo call: the agent on channel 0, the customer on channel 1, 400 ms per word. */
function call(lines: readonly [speaker: "agent" | "customer", words: string][]): TimedTranscript {
  let clock = 0;
  const words = lines.flatMap(([speaker, text]) =>
    text.split(" ").map((word) => {
      const timed = { text: word, startMs: clock, endMs: clock + 300, speaker };
      clock += 400;
      return timed;
    }),
  );
  return { words, speakerChannels: { agent: 0, customer: 1 } };
}

describe("audioRangesForSpans", () => {
  const transcript = call([
    ["agent", "can I have the card number"],
    ["customer", "it is 4111 1111 1111 1111"],
    ["agent", "thanks that was 4111 1111 1111 1111"],
  ]);

  it("places a span's words on the speaker's channel, padded, and merges the words of one span", () => {
    const { text } = transcriptText(transcript);
    const start = text.indexOf("4111");
    const ranges = audioRangesForSpans(transcript, [{ start, end: start + 19 }], { paddingMs: 100 });
    // Words 8–11 (customer): 3200–4700 ms, padded by 100 ms and merged across the 100 ms gaps.
    expect(ranges).toEqual([{ channel: 1, startMs: 3100, endMs: 4800 }]);
  });

  it("keeps separate ranges for separate stretches and for each channel, the agent reading back included", () => {
    const { spans, ranges, words } = planTranscriptRedaction(transcript, { audio: { paddingMs: 50 } });
    expect(spans.map((span) => span.type)).toEqual(["card", "card"]);
    expect(ranges).toEqual([
      { channel: 0, startMs: 5950, endMs: 7550 },
      { channel: 1, startMs: 3150, endMs: 4750 },
    ]);
    expect(words.map((word) => word.text).join(" ")).toBe(
      "can I have the card number it is [REDACTED:card] [REDACTED:card] [REDACTED:card] [REDACTED:card] thanks that was [REDACTED:card] [REDACTED:card] [REDACTED:card] [REDACTED:card]",
    );
    expect(words[8]).toMatchObject({ startMs: 3200, endMs: 3500, speaker: "customer" });
  });

  it("limits ranges to the subject's channel when asked, keeping the agent's side", () => {
    const { ranges } = planTranscriptRedaction(transcript, { audio: { paddingMs: 50, channels: [1] } });
    expect(ranges).toEqual([{ channel: 1, startMs: 3150, endMs: 4750 }]);
  });

  it("redacts every channel for words whose speaker has no known channel", () => {
    const unlabelled: TimedTranscript = { words: [{ text: "mail", startMs: 0, endMs: 200 }, { text: "jo@example.com", startMs: 300, endMs: 900 }] };
    expect(planTranscriptRedaction(unlabelled, { audio: { paddingMs: 0 } }).ranges).toEqual([{ startMs: 300, endMs: 900 }]);
  });

  it("never starts a padded range before 0 ms and refuses a word timed backwards", () => {
    const early: TimedTranscript = { words: [{ text: "jo@example.com", startMs: 50, endMs: 400, channel: 0 }] };
    expect(planTranscriptRedaction(early).ranges).toEqual([{ channel: 0, startMs: 0, endMs: 550 }]);
    const backwards: TimedTranscript = { words: [{ text: "jo@example.com", startMs: 400, endMs: 50, channel: 0 }] };
    expect(() => planTranscriptRedaction(backwards)).toThrow(TranscriptTimingError);
  });
});

describe("mergeAudioRanges", () => {
  it("merges overlapping ranges per channel and ranges within the gap", () => {
    expect(mergeAudioRanges([{ channel: 1, startMs: 0, endMs: 100 }, { channel: 0, startMs: 50, endMs: 60 }, { channel: 1, startMs: 90, endMs: 200 }, { channel: 1, startMs: 260, endMs: 300 }], 60)).toEqual([
      { channel: 0, startMs: 50, endMs: 60 },
      { channel: 1, startMs: 0, endMs: 300 },
    ]);
  });
});

describe("redactTranscriptWords", () => {
  it("leaves words outside every span as they were", () => {
    const transcript: TimedTranscript = { words: [{ text: "hello", startMs: 0, endMs: 1 }, { text: "there", startMs: 2, endMs: 3 }] };
    expect(redactTranscriptWords(transcript, [])).toEqual(transcript.words);
  });
});
