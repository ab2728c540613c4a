import type { IdentifierMatch } from "@lethe/connector-sdk";
import { identifierKey, type Identifier } from "@lethe/connector-sdk/identifiers";

/** A subject identifier as the engine holds it for a request (`subject_identifiers` row, in short). */
export interface SubjectIdentifier {
  kind: string;
  value: string;
  system?: string | null;
  strength: string;
}

/**
 * The engine's verdict on a located record: `strong` only when some match is strong as the
 * connector says *and* the identifier it matched on is strong for this request (given or verified
 * e-mail/phone/ids, native ids). A match through a discovered e-mail or phone is weak however sure
 * the connector is: the identifier itself may be a household's or a switchboard's.
 */
export function engineStrength(matches: readonly IdentifierMatch[], identifiers: readonly SubjectIdentifier[]): "strong" | "weak" {
  const strongForRequest = new Set(
    identifiers.filter((row) => row.strength === "strong").map((row) => sameIdentifierKey(asIdentifier(row))),
  );
  const strong = matches.some(
    (match) => match.strength === "strong" && strongForRequest.has(sameIdentifierKey(match.identifier)),
  );
  return strong ? "strong" : "weak";
}

/**
 * One key per identifier however a connector spells it back: an e-mail address without case (one
 * mailbox, one person). Phone numbers reach connectors in E.164 and come back so.
 */
export function sameIdentifierKey(identifier: Identifier): string {
  return identifierKey(identifier.kind === "email" ? { ...identifier, value: identifier.value.trim().toLowerCase() } : identifier);
}

export function asIdentifier(row: Pick<SubjectIdentifier, "kind" | "value" | "system">): Identifier {
  return { kind: row.kind as Identifier["kind"], value: row.value, ...(row.system ? { system: row.system } : {}) };
}
