import type { IdentifierKind } from "./identifiers";

/**
 * How many people the records carrying one identifier stand for — what decides whether a match
 * is "shared" and so weak. Each record comes with the vendor's own tie to a person, when it keeps
 * one (a Salesforce Individual, a CRM contact id on a call), else undefined.
 *
 * One identifier, one person: an e-mail address is one mailbox, compared without case, so records
 * holding it with no tie are its owner's — a Contact and a Lead with `Ada.King@x` and `ada.king@x`
 * are one person — and it counts as shared only when the vendor itself keeps several people apart
 * on it (two Individuals). Any other kind (a phone number, in E.164, shared by a household) counts
 * each untied record as a person of its own.
 */
export function peopleHolding(kind: IdentifierKind, ties: ReadonlyArray<string | undefined>): number {
  if (ties.length === 0) return 0;
  const tied = new Set(ties.filter((tie): tie is string => tie !== undefined));
  if (kind === "email") return Math.max(1, tied.size);
  return tied.size + ties.filter((tie) => tie === undefined).length;
}

/** Two e-mail addresses are the same mailbox when they are equal without regard to case. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
