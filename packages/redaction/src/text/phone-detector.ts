import { findPhoneNumbersInText, type CountryCode } from "libphonenumber-js/max";
import type { PiiSpan } from "./pii-span";
import { streetWord } from "./street-address-detector";

export interface PhoneDetectionOptions {
  /**
   * Regions whose national formats are tried, the firm's own first (libphonenumber reads
   * `020 7946 0958` only with GB as the default region). Default: US and GB.
   */
  regions?: readonly CountryCode[];
}

export const defaultPhoneRegions: readonly CountryCode[] = ["US", "GB"];

/**
 * A phone-shaped run: an optional `+CC` (with the `(0)` some countries print), an optional area
 * code in brackets, then digit groups joined by single spaces, dashes or dots, then an optional
 * extension. Checked further in `isPhoneShaped`.
 */
const phoneCandidate =
  /(?<![\p{L}\p{N}+.\-/])(?:\+\d{1,3}[ .-]?(?:\(0\)[ .-]?)?)?(?:\(\d{1,5}\)[ .-]?)?\d{1,12}(?:[ .-]\d{1,8}){0,6}(?:\s?(?:x|ext\.?|#)\s?\d{1,6})?(?![\p{N}]|[.\-/:]\d)/gu;

// Words that announce a phone number within the few words before it, or label it right after.
const cueBefore = /(?:phone|tel(?:ephone)?|mobile|cell|fax|desk|office|landline|call(?:ed|ing)?|ring|dial|reach|text|sms|whats ?app|number|no\.|answering|messages? to|registered|contact)\W{0,12}(?:\p{L}+\W{1,3}){0,3}$/iu;
const cueAfter = /^\s?[-–(]?\s?(?:office|fax|mobile|cell|home|work|desk|tel)\b/iu;

const followedByStreet = new RegExp(`^[ \\t]+(?:[\\p{L}'’.-]+[ \\t]+){0,3}?${streetWord}\\.?(?![\\p{L}])`, "u");

function digitsOf(value: string): string {
  return value.replace(/\D/g, "");
}

/** Rules out runs that are something else: dates, times, IPv4 addresses, US SSNs, prices, years. */
function isPhoneShaped(value: string): boolean {
  const main = value.replace(/\s?(?:x|ext\.?|#)\s?\d{1,6}$/i, "");
  const digits = digitsOf(main);
  if (digits.length < 7 || digits.length > 15) return false;
  const groups = main.replace(/^\+\d{1,3}/, "").match(/\d+/g) ?? [];
  const international = main.startsWith("+");
  if (groups.length === 1 && !international && digits.length < 10) return false;
  if (/^\d{4}[-./]\d{1,2}[-./]\d{1,2}$/.test(main) || /^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$/.test(main)) return false;
  if (/^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(main)) return false;
  if (/^\d{3}-\d{2}-\d{4}$/.test(main)) return false;
  // A date with the hour after it (`2000-04-16 11:34`) or a date-time stamp.
  if (/^\d{4}-\d{2}-\d{2}(?:\D|$)/.test(main)) return false;
  return true;
}

function hasCue(text: string, start: number, end: number): boolean {
  return cueBefore.test(text.slice(Math.max(0, start - 60), start)) || cueAfter.test(text.slice(end, end + 12));
}

/**
 * Phone numbers in many formats and regions. Two passes: libphonenumber's matcher with each
 * region as the default (a valid number: confidence 0.9), then phone-shaped digit groups it did
 * not accept — synthetic, unassigned or foreign numbers are still personal data — scored by the
 * words around them (0.75 with a cue such as "call me on" or "Mobile:", 0.55 with 9+ digits or a
 * `+`, else 0.4, below the default threshold).
 */
export function detectPhones(text: string, options: PhoneDetectionOptions = {}): PiiSpan[] {
  const regions = options.regions && options.regions.length > 0 ? options.regions : defaultPhoneRegions;
  const spans: PiiSpan[] = [];
  const covered = (start: number, end: number) => spans.some((span) => span.start < end && span.end > start);
  for (const region of regions) {
    for (const found of findPhoneNumbersInText(text, { defaultCountry: region })) {
      if (covered(found.startsAt, found.endsAt)) continue;
      if (!isPhoneShaped(text.slice(found.startsAt, found.endsAt))) continue;
      spans.push({ type: "phone", start: found.startsAt, end: found.endsAt, confidence: 0.9, detector: `phone-libphonenumber-${region}` });
    }
  }
  for (const match of text.matchAll(phoneCandidate)) {
    let value = match[0];
    let start = match.index;
    if (value.startsWith("(") && !/^\(\d{1,5}\)/.test(value)) {
      value = value.slice(1);
      start++;
    }
    const end = start + value.length;
    if (covered(start, end) || !isPhoneShaped(value)) continue;
    // A number followed by a street name is a house number and a postcode, not a phone.
    if (followedByStreet.test(text.slice(end, end + 60))) continue;
    const digits = digitsOf(value).length;
    const confidence = hasCue(text, start, end) ? 0.75 : digits >= 9 || value.startsWith("+") ? 0.55 : 0.4;
    spans.push({ type: "phone", start, end, confidence, detector: "phone-pattern" });
  }
  return spans.sort((a, b) => a.start - b.start);
}
