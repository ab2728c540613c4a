import type { Identifier } from "./identifiers";

/*
 * Mentions of a person's e-mail address or phone number in free text another person wrote (a
 * Case description, a ticket comment, an e-mail's CC list). Shared by every connector that redacts
 * such mentions and reads them back: one rule for what counts as "still mentions the subject".
 */

export interface MentionedIdentifier {
  kind: "email" | "phone";
  /** Lower-cased e-mail address, or E.164 (`+` and digits). */
  value: string;
  /** UTF-16 offsets of the mention in the text. */
  start: number;
  end: number;
}

// Local part, @, a dotted domain ending in letters; a trailing full stop is left out by backtracking.
const emailPattern = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// `+`, then 7–15 digits, each optionally after one or two separators (`+1 (201) 555-0123`).
const phonePattern = /\+\d(?:[ .()-]{0,2}\d){6,14}(?!\d)/g;

/** Every e-mail address and international phone number written in the text. */
export function mentionedIdentifiers(text: string): MentionedIdentifier[] {
  const found: MentionedIdentifier[] = [];
  for (const match of text.matchAll(emailPattern)) {
    found.push({ kind: "email", value: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(phonePattern)) {
    found.push({ kind: "phone", value: `+${match[0].replace(/\D/g, "")}`, start: match.index, end: match.index + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** The mentions of one identifier (compared exactly: e-mail case-insensitively, phone as E.164). */
export function mentionsOf(text: string, identifier: Identifier): MentionedIdentifier[] {
  if (identifier.kind !== "email" && identifier.kind !== "phone") return [];
  const wanted = identifier.kind === "email" ? identifier.value.trim().toLowerCase() : identifier.value.trim();
  return mentionedIdentifiers(text).filter((mention) => mention.kind === identifier.kind && mention.value === wanted);
}

/**
 * Whether any of the subject's e-mail addresses or phone numbers is still written in any of the
 * texts — what a read-back of a redacted record answers as `mentionsSubject`.
 */
export function mentionsAnyOf(texts: ReadonlyArray<string | null | undefined>, identifiers: readonly Identifier[]): boolean {
  return texts.some((text) => typeof text === "string" && identifiers.some((identifier) => mentionsOf(text, identifier).length > 0));
}
