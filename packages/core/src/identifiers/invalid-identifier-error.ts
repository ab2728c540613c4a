import type { IdentifierKind } from "@lethe/connector-sdk/identifiers";

/**
 * Machine-readable reasons an identifier is refused. The API maps them to field errors and the
 * console to messages, so they are part of the public contract: add codes, never rename them.
 */
export const invalidIdentifierReasons = [
  "identifier.unknown_kind",
  "identifier.unexpected_system",
  "email.empty",
  "email.control_character",
  "email.whitespace",
  "email.quoted_local_part",
  "email.missing_at",
  "email.multiple_at",
  "email.empty_local_part",
  "email.invalid_local_part",
  "email.local_part_too_long",
  "email.empty_domain",
  "email.domain_literal",
  "email.invalid_domain",
  "email.label_too_long",
  "email.numeric_tld",
  "email.domain_too_long",
  "email.too_long",
  "phone.empty",
  "phone.not_a_number",
  "phone.invalid_country",
  "phone.too_short",
  "phone.too_long",
  "phone.invalid_length",
  "phone.invalid_number",
  "phone.extension_not_supported",
  "name.empty",
  "name.control_character",
  "customer_id.empty",
  "customer_id.control_character",
  "native_id.empty",
  "native_id.control_character",
  "native_id.missing_system",
  "sip.empty",
  "sip.invalid_uri",
  "postal_address.empty",
  "postal_address.control_character",
] as const;
export type InvalidIdentifierReason = (typeof invalidIdentifierReasons)[number];

/**
 * An identifier that cannot be used to find a person. `message` says what is wrong in words a
 * requester understands and never repeats the value; the value itself is kept on `input`, which is
 * non-enumerable so that error serialisers copying own properties do not write it to a log.
 */
export class InvalidIdentifierError extends Error {
  readonly kind: IdentifierKind | "unknown";
  readonly reason: InvalidIdentifierReason;
  declare readonly input: string;

  constructor(kind: IdentifierKind | "unknown", reason: InvalidIdentifierReason, message: string, input: string) {
    super(message);
    this.name = "InvalidIdentifierError";
    this.kind = kind;
    this.reason = reason;
    Object.defineProperty(this, "input", { value: input, enumerable: false, writable: false });
  }
}
