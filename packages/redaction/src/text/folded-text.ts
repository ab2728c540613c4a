/**
 * Text folded for case- and diacritic-insensitive matching (`Szöllösy` → `szollosy`, `Straße` →
 * `strasse`), with a map from every folded character back to its offset in the original, so a match
 * in the folded text becomes a span of the original.
 */
export interface FoldedText {
  folded: string;
  /** `origin[i]`: offset in the original of folded character `i`; `origin[folded.length]` = original length. */
  origin: number[];
}

// Letters NFD does not decompose into a base letter and a mark.
const extraFolds: Record<string, string> = {
  ß: "ss", æ: "ae", œ: "oe", ø: "o", ł: "l", đ: "d", ð: "d", þ: "th", ı: "i", ŧ: "t", ħ: "h",
};

export function foldCharacters(value: string): string {
  let result = "";
  for (const char of value) result += foldOne(char);
  return result;
}

function foldOne(char: string): string {
  const lower = char.toLowerCase();
  const extra = extraFolds[lower];
  if (extra !== undefined) return extra;
  return lower.normalize("NFD").replace(/\p{M}/gu, "");
}

export function foldText(text: string): FoldedText {
  let folded = "";
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = foldOne(char);
    for (let i = 0; i < piece.length; i++) origin.push(offset);
    folded += piece;
    offset += char.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

/** The original span of folded characters [start, end). */
export function originalSpan(text: FoldedText, start: number, end: number): { start: number; end: number } {
  const from = text.origin[start] ?? 0;
  // The end maps to just after the original character holding the last folded one.
  const lastOrigin = text.origin[end - 1] ?? from;
  let to = text.origin[end] ?? lastOrigin + 1;
  if (to <= lastOrigin) to = lastOrigin + 1;
  return { start: from, end: to };
}
