import { identifierKey, type Identifier, type IdentifierMatch } from "@lethe/connector-sdk";
import type { SubjectIdentifierRow } from "@lethe/db";

/**
 * The engine's verdict on a located record: `strong` only when some match is strong as the
 * connector says *and* the identifier it matched on is strong for this request (given or verified
 * e-mail/phone/ids, native ids). A match through a discovered e-mail or phone is weak however sure
 * the connector is: the identifier itself may be a household's or a switchboard's.
 */
export function engineStrength(matches: readonly IdentifierMatch[], identifiers: readonly SubjectIdentifierRow[]): "strong" | "weak" {
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

export function asIdentifier(row: Pick<SubjectIdentifierRow, "kind" | "value" | "system">): Identifier {
  return { kind: row.kind as Identifier["kind"], value: row.value, ...(row.system ? { system: row.system } : {}) };
}
