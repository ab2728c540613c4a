import { createHash } from "node:crypto";
import type { Identifier } from "@lethe/connector-sdk";

/*
 * Mentions of a person's e-mail address or phone number in the free text of comments other people
 * wrote. A mention is reported (and erased) by a key derived from the identifier, never by the
 * identifier itself: refs are stored and shown widely, and erasure must find the same text again
 * from the key alone.
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
  const wanted = identifier.kind === "email" ? identifier.value.toLowerCase() : identifier.value;
  return mentionedIdentifiers(text).filter((mention) => mention.kind === identifier.kind && mention.value === wanted);
}

/** A short, stable key of an identifier, safe to store in a ref. */
export function mentionKey(kind: "email" | "phone", value: string): string {
  const normalised = kind === "email" ? value.toLowerCase() : value;
  return createHash("sha256").update(`lethe-zendesk-mention:${kind}:${normalised}`).digest("hex").slice(0, 16);
}

/** `{ticketId}:{commentId}:{key}`: the ref id of a comment_mention. */
export function mentionRefId(ticketId: number, commentId: number, key: string): string {
  return `${ticketId}:${commentId}:${key}`;
}

/**
 * Whether a comment could be found to mention the identifier at all: its value, read as text, must
 * be one whole e-mail address or phone number. Anything else is never searched for in comments.
 */
export function isMentionable(identifier: Identifier): boolean {
  const [only, ...more] = mentionsOf(identifier.value, identifier);
  return only !== undefined && more.length === 0 && only.start === 0 && only.end === identifier.value.length;
}
