import type { PersonalDataService, RedactionSpan } from "@lethe/connector-sdk";
import type { TranscriptRecord } from "../vendor/records";

/**
 * Padding around a card number's words in the audio: enough to catch the onset and tail of a
 * digit the recogniser timed tightly, less than half the pause between words, so the words beside
 * the number stay as they were.
 */
export const cardPaddingMs = 30;
/** Digit groups of one number are said with short pauses between them: one range covers them all. */
const groupGapMs = 250;

/**
 * The redaction spans for every payment card number spoken in a transcript (Luhn-checked, with a
 * card network's prefix and length; digits read out as words count too): the text of the words
 * that said it, and the audio where they were said on the speaker's channel — the caller saying
 * it and the agent reading it back alike. Transcript words already redacted hold no digits, so a
 * transcript that was swept gives no spans.
 */
export function cardNumberSpans(personalData: PersonalDataService, transcript: TranscriptRecord, options: { audio: boolean }): RedactionSpan[] {
  const spans: RedactionSpan[] = [];
  transcript.utterances.forEach((utterance, index) => {
    const cards = personalData.find(utterance.text, { types: ["card"] });
    if (cards.length === 0) return;
    for (const card of cards) spans.push({ kind: "text", field: `utterances[${index}].text`, start: card.start, end: card.end, label: "card" });
    if (!options.audio) return;
    const words = utterance.words.map((word) => ({ text: word.word, startMs: word.startMs, endMs: word.endMs, channel: utterance.channel }));
    for (const range of personalData.audioRanges(words, cards, { paddingMs: cardPaddingMs, mergeGapMs: groupGapMs })) {
      spans.push({ kind: "audio", channel: range.channel ?? utterance.channel, startMs: range.startMs, endMs: range.endMs, label: "card" });
    }
  });
  return spans;
}
