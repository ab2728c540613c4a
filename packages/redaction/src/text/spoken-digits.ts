const digitWords: Record<string, string> = {
  zero: "0", oh: "0", o: "0", nought: "0", one: "1", two: "2", three: "3", four: "4", five: "5",
  six: "6", seven: "7", eight: "8", nine: "9",
};
const repeaters: Record<string, number> = { double: 2, triple: 3 };
// Number words, digit groups, "double"/"triple", separated by spaces, commas, dots or dashes.
const token = "(?:zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine|double|triple|\\d+)";
const spokenRun = new RegExp(`(?<![\\p{L}\\p{N}])${token}(?:[\\s,.-]+${token})+(?![\\p{L}\\p{N}])`, "giu");
/** Fewer number words than this are left alone: "one or two" is not a number anyone read out. */
const minimumNumberWords = 4;

/** Text with spoken digits rewritten, and where each of its characters came from. */
export interface SpokenDigitsText {
  text: string;
  /** `start[i]`, `end[i]`: the original characters output character `i` stands for. */
  start: number[];
  end: number[];
}

/**
 * Digits read out as words, as speech-to-text writes them (`four one one one, double two …`),
 * rewritten as digits (groups split where the transcript marks a pause), with a map back to the original, so the card and phone
 * detectors find them and their spans land on the spoken words. `null` when there are none.
 */
export function spokenDigitsAsText(text: string): SpokenDigitsText | null {
  const result: SpokenDigitsText = { text: "", start: [], end: [] };
  const emit = (value: string, from: number, to: number) => {
    for (const char of value) {
      result.text += char;
      result.start.push(from);
      result.end.push(to);
    }
  };
  let cursor = 0;
  for (const match of text.matchAll(spokenRun)) {
    const parts = [...match[0].matchAll(/[\p{L}\p{N}]+/gu)];
    if (parts.filter((part) => digitWords[part[0].toLowerCase()] !== undefined).length < minimumNumberWords) continue;
    for (let i = cursor; i < match.index; i++) emit(text.charAt(i), i, i + 1);
    let repeat = 1;
    let first = true;
    let previousEnd = match.index;
    for (const part of parts) {
      const word = part[0].toLowerCase();
      const from = match.index + part.index;
      const to = from + part[0].length;
      const times = repeaters[word];
      if (times !== undefined) {
        repeat = times;
        continue;
      }
      const digits = digitWords[word] ?? word;
      // A pause the transcript marks (comma, full stop, dash) separates groups; plain spaces between
      // single digits do not, so `oh seven seven` becomes `077` as libphonenumber expects.
      if (!first && /[,.-]/.test(text.slice(previousEnd, from))) emit(" ", from, from);
      for (let r = 0; r < repeat; r++) emit(digits, from, to);
      first = false;
      previousEnd = to;
      repeat = 1;
    }
    cursor = match.index + match[0].length;
  }
  if (cursor === 0) return null;
  for (let i = cursor; i < text.length; i++) emit(text.charAt(i), i, i + 1);
  return result;
}

/** The original span of rewritten characters [start, end). */
export function spokenSpanInOriginal(spoken: SpokenDigitsText, start: number, end: number): { start: number; end: number } {
  return { start: spoken.start[start] ?? 0, end: spoken.end[end - 1] ?? spoken.start[start] ?? 0 };
}
