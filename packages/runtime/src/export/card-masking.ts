import { detectPii } from "@lethe/redaction";

/** What a card number said in words (a transcript) becomes: there are no digits to keep. */
export const spokenCardMarker = "[card number withheld]";

/**
 * Every payment card number in every text of a JSON value masked to at most its first six and
 * last four digits (PCI DSS 3.4.1), separators kept (`4111 11** **** 1111`). A card number said in
 * words is replaced whole. Returns a new value and how many numbers were masked.
 */
export function maskCardNumbers(value: unknown): { value: unknown; count: number } {
  let count = 0;
  const visit = (node: unknown): unknown => {
    if (typeof node === "string") {
      const masked = maskInText(node);
      count += masked.count;
      return masked.text;
    }
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node === "object" && node !== null) {
      return Object.fromEntries(Object.entries(node).map(([key, inner]) => [key, visit(inner)]));
    }
    return node;
  };
  return { value: visit(value), count };
}

// Too short to hold a card number (12 digits at least): skips the detector for most cells.
const noCardPossible = /^[^\d]*$|^.{0,11}$/su;
const spokenDigit = /\b(zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)\b/iu;

export function maskInText(text: string): { text: string; count: number } {
  if (noCardPossible.test(text) && !spokenDigit.test(text)) return { text, count: 0 };
  const spans = detectPii(text, { types: ["card"], includeText: false });
  if (spans.length === 0) return { text, count: 0 };
  let result = "";
  let cursor = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < cursor) continue;
    result += text.slice(cursor, span.start) + maskCard(text.slice(span.start, span.end));
    cursor = span.end;
  }
  return { text: result + text.slice(cursor), count: spans.length };
}

function maskCard(written: string): string {
  if (!/^[\d -]+$/.test(written)) return spokenCardMarker;
  const digits = written.replace(/\D/g, "").length;
  let seen = 0;
  return written.replace(/\d/g, (digit) => {
    seen++;
    return seen <= 6 || seen > digits - 4 ? digit : "*";
  });
}
