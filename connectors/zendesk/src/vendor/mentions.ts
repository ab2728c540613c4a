import { createHash } from "node:crypto";
import { mentionsOf, type Identifier } from "@lethe/connector-sdk";

/*
 * Mentions of a person's e-mail address or phone number in the free text of comments other people
 * wrote. A mention is reported (and erased) by a key derived from the identifier, never by the
 * identifier itself: refs are stored and shown widely, and erasure must find the same text again
 * from the key alone.
 */

export { mentionedIdentifiers, mentionsOf, type MentionedIdentifier } from "@lethe/connector-sdk";

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
