import type { CardMention, ParticipantRow, UtteranceRow, WordRow } from "./world";

/** A turn of a call: who speaks, and the text in pieces, the card number pieces marked. */
export interface Turn {
  speaker: ParticipantRow;
  pieces: { text: string; pan?: string }[];
}

/** Splits a filled template at `{{credit_card_number}}`, other placeholders filled from `fills`. */
export function turnOf(speaker: ParticipantRow, template: string, fills: Record<string, string>, pan?: string): Turn {
  const pieces: Turn["pieces"] = [];
  const parts = template.split("{{credit_card_number}}");
  parts.forEach((part, index) => {
    const text = part.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => fills[key] ?? key);
    if (text.trim() !== "") pieces.push({ text });
    if (index < parts.length - 1) {
      if (!pan) throw new Error(`The template "${template}" needs a card number`);
      pieces.push({ text: spokenPan(pan), pan });
    }
  });
  return { speaker, pieces };
}

/* ASR writes a spoken card number as its digit groups: 4-4-4-4, or 4-6-5 for American Express. */
function spokenPan(pan: string): string {
  const groups = pan.length === 15 ? [pan.slice(0, 4), pan.slice(4, 10), pan.slice(10)] : pan.match(/.{1,4}/g) ?? [pan];
  return groups.join(" ");
}

const callStartMs = 600;
const wordGapMs = 70;
const turnGapMs = 450;

/** How long a word takes to say: longer words and digit groups take longer. */
function wordMs(word: string): number {
  return /^\d+$/.test(word) ? 160 * Math.min(word.length, 6) : 170 + 30 * Math.min(word.replace(/\W/g, "").length, 8);
}

/**
 * Lays the turns out in time, word by word, as a recorder's speech-to-text would report them, and
 * notes where card numbers were spoken. The audio is synthesised from the same timings.
 */
export function layOut(
  turns: Turn[],
  utteranceId: (index: number) => string,
  confidence: () => number,
): { utterances: UtteranceRow[]; cardMentions: CardMention[]; durationMs: number } {
  const utterances: UtteranceRow[] = [];
  const cardMentions: CardMention[] = [];
  let at = callStartMs;
  for (const [index, turn] of turns.entries()) {
    const channel = turn.speaker.channel ?? 0;
    const words: WordRow[] = [];
    for (const piece of turn.pieces) {
      const first = words.length;
      for (const word of piece.text.split(/\s+/).filter(Boolean)) {
        const endMs = at + wordMs(word);
        words.push({ word, startMs: at, endMs, confidence: confidence() });
        at = endMs + wordGapMs;
      }
      const firstWord = words[first];
      const lastWord = words.at(-1);
      if (piece.pan && firstWord && lastWord) {
        cardMentions.push({
          utteranceId: utteranceId(index),
          utteranceIndex: index,
          firstWord: first,
          lastWord: words.length - 1,
          channel,
          speaker: turn.speaker.role === "agent" ? "agent" : "customer",
          startMs: firstWord.startMs,
          endMs: lastWord.endMs,
          pan: piece.pan,
        });
      }
    }
    const first = words[0];
    const last = words.at(-1);
    if (!first || !last) continue;
    utterances.push({
      utteranceId: utteranceId(index),
      participantId: turn.speaker.participantId,
      channel,
      startMs: first.startMs,
      endMs: last.endMs,
      text: words.map((w) => w.word).join(" "),
      words,
    });
    at = last.endMs + turnGapMs;
  }
  return { utterances, cardMentions, durationMs: at + 300 };
}
