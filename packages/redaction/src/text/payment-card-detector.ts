import type { PiiSpan } from "./pii-span";

// Runs of at least 12 digits, each optionally followed by one space or dash (cards are written 4-4-4-4, 4-6-5 …).
const cardCandidate = /(?<![\p{N}\p{L}])\d(?:[ -]?\d){11,60}(?![\p{N}\p{L}])/gu;

/** The Luhn (ISO/IEC 7812-1 Annex B) check every payment card number carries. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let digit = digits.charCodeAt(i) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Whether the number starts with an issuer range of a card network and has one of that network's
 * lengths: Visa, Mastercard (51–55, 2221–2720), Amex, Discover, JCB (35xx and the old
 * 1800/2131), Diners Club, Maestro (12–19 digits), UnionPay.
 */
export function hasCardIssuerPrefix(digits: string): boolean {
  const length = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  if (digits.startsWith("4")) return length === 13 || length === 16 || length === 19;
  if ((p2 >= 51 && p2 <= 55) || (p4 >= 2221 && p4 <= 2720)) return length === 16;
  if (p2 === 34 || p2 === 37) return length === 15;
  if (p4 === 1800 || p4 === 2131) return length === 15;
  // JCB's allocated range is 3528–3589, but issued test and co-branded numbers use all of 35xx.
  if (p2 === 35) return length >= 16 && length <= 19;
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return length >= 14 && length <= 19;
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649)) return length >= 16 && length <= 19;
  if (p2 === 62) return length >= 16 && length <= 19;
  // Maestro, including the old 0604 range still printed on some cards.
  if (p2 === 50 || (p2 >= 56 && p2 <= 69) || p4 === 604) return length >= 12 && length <= 19;
  return false;
}

/**
 * Payment card numbers (PAN): Luhn-valid, with a card network's issuer prefix and length. A run of
 * digit groups may hold more than the card (an expiry date, a phone number next to it), so every
 * stretch of whole groups is tried, longest first.
 */
export function detectPaymentCards(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(cardCandidate)) {
    const groups = [...match[0].matchAll(/\d+/g)].map((group) => ({ start: match.index + group.index, digits: group[0] }));
    let first = 0;
    while (first < groups.length) {
      const found = longestCardFrom(groups, first);
      if (!found) {
        first++;
        continue;
      }
      const start = groups[first]?.start ?? match.index;
      const lastGroup = groups[found.last];
      const end = lastGroup ? lastGroup.start + lastGroup.digits.length : start;
      spans.push({ type: "card", start, end, confidence: 0.95, detector: "card-luhn" });
      first = found.last + 1;
    }
  }
  return spans;
}

function longestCardFrom(groups: readonly { digits: string }[], first: number): { last: number } | null {
  for (let last = groups.length - 1; last >= first; last--) {
    const digits = groups.slice(first, last + 1).map((group) => group.digits).join("");
    if (digits.length < 12 || digits.length > 19) continue;
    if (passesLuhn(digits) && hasCardIssuerPrefix(digits)) return { last };
  }
  return null;
}
