import type { IdentifierKind, MatchStrength } from "@lethe/connector-sdk";
import { z } from "zod";

/**
 * Where the engine got an identifier: `given` by the requester, `verified` (the requester proved
 * control of it, e.g. answered a code sent to it), or `discovered` on a record in a connected system.
 */
export const identifierProvenances = ["given", "verified", "discovered"] as const;
export type IdentifierProvenance = (typeof identifierProvenances)[number];
export const identifierProvenanceSchema = z.enum(identifierProvenances);

// Identifiers that point at one person when the person themselves supplies them. A name or an
// address is shared by many people and is never enough on its own (README "Identifier strength").
const personalWhenGiven: ReadonlySet<IdentifierKind> = new Set(["email", "phone", "customer_id", "sip", "native_id"]);

/**
 * How strongly an identifier ties a record to the subject. Only strong matches may be erased
 * without review.
 *
 * - `name` and `postal_address` are always weak.
 * - `email`, `phone`, `customer_id`, `sip`, `native_id` given by the requester or verified are strong.
 * - Discovered ones are weak — a phone number on a CRM contact may be a household's or a switchboard's,
 *   a customer id may be a shared account — except `native_id`: a system's own id for a record names
 *   exactly that record.
 *
 * A discovered identifier is also never stronger than the match of the record it was found on; the
 * caller that records it combines the two (the weaker wins).
 */
export function identifierStrength(kind: IdentifierKind, provenance: IdentifierProvenance): MatchStrength {
  if (!personalWhenGiven.has(kind)) return "weak";
  if (provenance === "discovered") return kind === "native_id" ? "strong" : "weak";
  return "strong";
}
