import { createHmac } from "node:crypto";
import type { IdentifierKind } from "@lethe/connector-sdk";

/**
 * A keyed hash of one normalised identifier: HMAC-SHA-256(key, `kind:value`), hex. What Lethe keeps
 * instead of the identifier once a request is minimised (suppression list) and what a person-level
 * legal hold stores. Keyed, so that the list cannot be reversed by hashing every phone number;
 * the kind is part of the message, so an e-mail and a customer id with the same text differ.
 * Callers pass identifiers already normalised (`normaliseIdentifier`), or equal people hash apart.
 */
export function identifierHash(key: Uint8Array, kind: IdentifierKind, value: string): string {
  if (key.byteLength < 32) throw new RangeError("The identifier hash key must be at least 32 bytes.");
  return createHmac("sha256", key).update(`${kind}:${value}`, "utf8").digest("hex");
}
