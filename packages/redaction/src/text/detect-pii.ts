import type { CountryCode } from "libphonenumber-js/max";
import { detectEmails } from "./email-detector";
import { detectIbans } from "./iban-detector";
import { detectPaymentCards } from "./payment-card-detector";
import { detectPersonNames } from "./person-name-detector";
import { detectPhones } from "./phone-detector";
import type { PiiSpan, PiiType } from "./pii-span";
import { spokenDigitsAsText, spokenSpanInOriginal } from "./spoken-digits";
import { detectStreetAddresses } from "./street-address-detector";
import { detectSubjectIdentifiers, type SubjectProfile } from "./subject-detector";

export interface PiiDetectionOptions {
  /** The firm's own region first; US and GB are always tried after it. */
  regions?: readonly CountryCode[];
  /** The data subject: their own identifiers and name are found in any spelling and marked `subject: true`. */
  subject?: SubjectProfile;
  /** Only these types (default: all). */
  types?: readonly PiiType[];
  /** Spans below this confidence are dropped (default 0.5). */
  minConfidence?: number;
  /**
   * Also read digits spoken as words (`four one one one …`, `double seven`), as speech-to-text
   * writes them, for cards, phone numbers and the subject's phone (default true).
   */
  spokenDigits?: boolean;
  /** Include the matched text in each span (default true; turn off to keep values out of logs). */
  includeText?: boolean;
}

// When spans overlap, the more specific reading wins: a checksum beats a pattern, a pattern beats a guess.
const precedence: Record<PiiType, number> = { identifier: 7, card: 6, iban: 5, email: 4, phone: 3, address: 2, person: 1 };

function ranks(a: PiiSpan, b: PiiSpan): boolean {
  if (Boolean(a.subject) !== Boolean(b.subject)) return Boolean(a.subject);
  if (a.confidence !== b.confidence) return a.confidence > b.confidence;
  return precedence[a.type] >= precedence[b.type];
}

/**
 * Resolves overlaps into non-overlapping spans: the higher-ranked span keeps its type and grows to
 * cover the union, so redacting the result hides every character any detector flagged.
 */
export function resolveOverlaps(spans: readonly PiiSpan[]): PiiSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const resolved: PiiSpan[] = [];
  for (const span of sorted) {
    const previous = resolved.at(-1);
    if (!previous || span.start >= previous.end) {
      resolved.push({ ...span });
      continue;
    }
    const winner = ranks(previous, span) ? previous : span;
    resolved[resolved.length - 1] = { ...winner, start: previous.start, end: Math.max(previous.end, span.end), subject: Boolean(previous.subject || span.subject) || undefined };
  }
  return resolved.map((span) => (span.subject ? span : withoutSubjectFlag(span)));
}

function withoutSubjectFlag(span: PiiSpan): PiiSpan {
  const { subject: _subject, ...rest } = span;
  return rest;
}

/** Every detector over `text`: typed, non-overlapping spans in text order. */
export function detectPii(text: string, options: PiiDetectionOptions = {}): PiiSpan[] {
  const wanted = (type: PiiType) => !options.types || options.types.includes(type);
  const regions: CountryCode[] = [...(options.regions ?? [])];
  for (const region of ["US", "GB"] as const) if (!regions.includes(region)) regions.push(region);
  const found: PiiSpan[] = [];
  if (wanted("email")) found.push(...detectEmails(text));
  if (wanted("card")) found.push(...detectPaymentCards(text));
  if (wanted("iban")) found.push(...detectIbans(text));
  if (wanted("phone")) found.push(...detectPhones(text, { regions }));
  if (wanted("address")) found.push(...detectStreetAddresses(text));
  if (wanted("person")) found.push(...detectPersonNames(text));
  if (options.subject) found.push(...detectSubjectIdentifiers(text, options.subject, { regions }).filter((span) => wanted(span.type)));
  if (options.spokenDigits !== false) found.push(...detectSpokenNumbers(text, options, regions, wanted));
  const minConfidence = options.minConfidence ?? 0.5;
  const resolved = resolveOverlaps(found.filter((span) => span.confidence >= minConfidence));
  return options.includeText === false ? resolved : resolved.map((span) => ({ ...span, text: text.slice(span.start, span.end) }));
}

/** Cards and phone numbers read out as words: detected in the rewritten text, mapped back onto the words. */
function detectSpokenNumbers(text: string, options: PiiDetectionOptions, regions: readonly CountryCode[], wanted: (type: PiiType) => boolean): PiiSpan[] {
  const spoken = spokenDigitsAsText(text);
  if (!spoken) return [];
  const found: PiiSpan[] = [];
  if (wanted("card")) found.push(...detectPaymentCards(spoken.text));
  if (wanted("phone")) found.push(...detectPhones(spoken.text, { regions }));
  if (options.subject) {
    found.push(...detectSubjectIdentifiers(spoken.text, { identifiers: (options.subject.identifiers ?? []).filter((identifier) => identifier.kind === "phone") }, { regions }).filter((span) => wanted(span.type)));
  }
  return found.map((span) => ({ ...span, ...spokenSpanInOriginal(spoken, span.start, span.end), detector: `${span.detector}+spoken` }));
}
