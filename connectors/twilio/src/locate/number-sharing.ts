import { identifierKey, type Identifier, type IdentifierMatch } from "@lethe/connector-sdk";
import type { CallRecord } from "../vendor/records";
import { isLeg, type LegAddress } from "./leg-addresses";

/*
 * How firmly a Twilio record is tied to the subject. Twilio keeps no person behind a number: a
 * household line, a switchboard or a shared mobile carries several people's calls and messages
 * alike. The one sign of who placed a call is its `caller_name` (CNAM). A number whose calls
 * came from more than one caller name is shared, and everything found through it — calls, their
 * recordings and transcriptions, messages and their media — is weak, for a reviewer to decide.
 * Only strong matches may be erased without review (docs/rights-engine.md).
 */

/** The caller names seen on calls placed from any of an identifier's addresses, folded. */
export function callerNames(calls: readonly CallRecord[], addresses: readonly LegAddress[]): Set<string> {
  const names = new Set<string>();
  for (const call of calls) {
    if (call.caller_name === null || call.caller_name.trim() === "") continue;
    if (addresses.some(({ address }) => isLeg(call.from, address))) names.add(foldName(call.caller_name));
  }
  return names;
}

/** The match one identifier gives, judged by the callers seen on its number. */
export function matchOf(identifier: Identifier, field: string, names: ReadonlySet<string>): IdentifierMatch {
  if (names.size > 1) {
    return { identifier, strength: "weak", field, reason: `shared: calls from this ${label(identifier)} carry ${names.size} different caller names` };
  }
  return { identifier, strength: "strong", field };
}

/** The matches of one record, one per identifier that led to it, in the order first seen. */
export function matchesOf(
  found: ReadonlyMap<string, { identifier: Identifier; field: string }>,
  namesByIdentifier: ReadonlyMap<string, ReadonlySet<string>>,
): IdentifierMatch[] {
  return [...found.values()].map(({ identifier, field }) => matchOf(identifier, field, namesByIdentifier.get(identifierKey(identifier)) ?? new Set()));
}

function label(identifier: Identifier): string {
  if (identifier.kind === "native_id") return "client identity";
  return identifier.kind === "sip" ? "SIP address" : "number";
}

export function foldName(name: string): string {
  return name.normalize("NFC").trim().replace(/\s+/g, " ").toLowerCase();
}
