import type { PiiSpan } from "./pii-span";

/** IBAN lengths per country (ISO 13616 registry, SWIFT release 2024): the ones a European firm meets. */
const ibanLengths: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22,
  GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30,
  KZ: 20, LB: 28, LC: 32, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31,
  MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24,
  SI: 19, SK: 24, SM: 27, ST: 25, SV: 28, TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

// Country code, check digits, then alphanumerics in groups separated by single spaces or dashes.
const ibanCandidate = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){10,32}/gu;

/** ISO 7064 MOD 97-10 as IBANs use it (ISO 13616-1 §7): move the first four characters to the end, letters to numbers. */
export function passesIbanChecksum(iban: string): boolean {
  const rearranged = (iban.slice(4) + iban.slice(0, 4)).toUpperCase();
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 && code <= 90 ? code - 55 : code - 48;
    if (value < 0 || value > 35) return false;
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return remainder === 1;
}

/**
 * IBANs, printed (`GB82 WEST 1234 5698 7654 32`) or electronic, any case: the country's length
 * when it is known (so the words after it are not swallowed), and the MOD 97 check.
 */
export function detectIbans(text: string): PiiSpan[] {
  const spans: PiiSpan[] = [];
  for (const match of text.matchAll(ibanCandidate)) {
    const characters = [...match[0].matchAll(/[A-Za-z0-9]/g)].map((char) => match.index + char.index);
    const compact = match[0].replace(/[ -]/g, "");
    const country = compact.slice(0, 2).toUpperCase();
    const known = ibanLengths[country];
    const lengths = known ? [known] : Array.from({ length: 20 }, (_, i) => 34 - i);
    for (const length of lengths) {
      if (compact.length < length) continue;
      const candidate = compact.slice(0, length);
      const after = compact.charAt(length);
      // The next character after a known length must not continue the same group (then it is not this IBAN).
      const lastIndex = characters[length - 1];
      const nextIndex = characters[length];
      if (lastIndex === undefined) continue;
      const continuesGroup = after !== "" && nextIndex === lastIndex + 1;
      if (continuesGroup || !passesIbanChecksum(candidate)) continue;
      spans.push({ type: "iban", start: match.index, end: lastIndex + 1, confidence: 0.97, detector: "iban-mod97" });
      break;
    }
  }
  return spans;
}
