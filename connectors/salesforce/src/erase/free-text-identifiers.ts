import type { Identifier } from "@lethe/connector-sdk";
import { toE164 } from "../locate/phone-numbers";

/*
 * The subject's identifiers inside free text (a Case description, an e-mail body), for a redact
 * plan: each occurrence is replaced by `[REDACTED:<type>]`, the marker @lethe/redaction writes
 * (types from its vocabulary: email, phone, person, identifier), so that what was removed and why
 * stays readable. Only the subject's own values are matched — a bystander's `+tag` address, the
 * same mailbox at another domain or the same digits under another country code stay.
 */

interface Span {
  start: number;
  end: number;
  type: "email" | "phone" | "person" | "identifier";
}

// Characters that continue an e-mail address on either side: a match must not be part of a longer one.
const localCharacter = /[A-Za-z0-9._%+'-]/;
const domainCharacter = /[A-Za-z0-9-]/;
// Digits with the separators people type between them: `(977) 625-2661`, `+44 (0)20 7946 0123`.
const phoneRun = /\+?\(?\d[\d\s().-]{5,24}\d/g;

export function subjectSpans(text: string, identifiers: readonly Identifier[], defaultRegion: string): Span[] {
  const spans: Span[] = [];
  const phones = new Set(identifiers.filter((i) => i.kind === "phone").map((i) => i.value));
  for (const identifier of identifiers) {
    if (identifier.kind === "email") {
      for (const span of literal(text, identifier.value)) {
        const before = text[span.start - 1];
        const after = text[span.end];
        const continuesDomain = after === "." && domainCharacter.test(text[span.end + 1] ?? "");
        if ((before !== undefined && localCharacter.test(before) && before !== "'") || (after !== undefined && domainCharacter.test(after)) || continuesDomain) continue;
        spans.push({ ...span, type: "email" });
      }
    } else if (identifier.kind === "name") {
      spans.push(...words(text, identifier.value).map((span) => ({ ...span, type: "person" as const })));
    } else if (identifier.kind === "customer_id" || identifier.kind === "sip" || identifier.kind === "postal_address") {
      spans.push(...words(text, identifier.value).map((span) => ({ ...span, type: "identifier" as const })));
    }
  }
  if (phones.size > 0) spans.push(...phoneSpans(text, phones, defaultRegion));
  return spans.sort((a, b) => a.start - b.start);
}

/** The text with every span replaced by its marker (overlaps merged, the first span's type kept). */
export function redactSubject(text: string, identifiers: readonly Identifier[], defaultRegion: string): string {
  let out = "";
  let cursor = 0;
  for (const span of subjectSpans(text, identifiers, defaultRegion)) {
    if (span.end <= cursor) continue;
    if (span.start >= cursor) out += `${text.slice(cursor, span.start)}[REDACTED:${span.type}]`;
    cursor = span.end;
  }
  return out + text.slice(cursor);
}

/**
 * A run of digits and separators may hold several numbers (`977-625-2661 977-625-2662`) or a
 * number beside a date. From each piece (whitespace-separated) on, the longest window that reads
 * as a possible number (with the org's default region) is taken whole — so `+44 977 625 2661` is
 * one UK number, never the US number in its last three pieces — and counts when it is one of the
 * subject's numbers.
 */
function phoneSpans(text: string, phones: ReadonlySet<string>, defaultRegion: string): Span[] {
  const spans: Span[] = [];
  for (const run of text.matchAll(phoneRun)) {
    const pieces = [...run[0].matchAll(/\S+/g)].map((piece) => ({ start: run.index + piece.index, end: run.index + piece.index + piece[0].length }));
    let i = 0;
    while (i < pieces.length) {
      let taken = 1;
      for (let j = Math.min(pieces.length, i + 6); j > i; j--) {
        const start = pieces[i]?.start ?? 0;
        const end = pieces[j - 1]?.end ?? 0;
        const e164 = toE164(text.slice(start, end), defaultRegion);
        if (!e164) continue;
        if (phones.has(e164)) spans.push({ start, end, type: "phone" });
        taken = j - i;
        break;
      }
      i += taken;
    }
  }
  return spans;
}

/** Case-insensitive occurrences of a value (matched on the text itself, so offsets are exact). */
function literal(text: string, value: string): { start: number; end: number }[] {
  if (value.trim().length < 3) return [];
  const pattern = new RegExp(value.trim().replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "giu");
  return [...text.matchAll(pattern)].map((match) => ({ start: match.index, end: match.index + match[0].length }));
}

function words(text: string, value: string): { start: number; end: number }[] {
  const word = /[\p{L}\p{N}_]/u;
  return literal(text, value).filter((span) => !word.test(text[span.start - 1] ?? "") && !word.test(text[span.end] ?? ""));
}
