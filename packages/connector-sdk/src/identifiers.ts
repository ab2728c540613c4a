/**
 * The identifier vocabulary shared by the engine and every connector.
 * Values handed to a connector are already normalised by the engine (`@lethe/core`):
 * e-mail addresses in their canonical form, phone numbers in E.164.
 */
export const identifierKinds = [
  "email",
  "phone",
  "name",
  "customer_id",
  "sip",
  "postal_address",
  "native_id",
] as const;
export type IdentifierKind = (typeof identifierKinds)[number];

export interface Identifier {
  kind: IdentifierKind;
  value: string;
  /** For `native_id`: the connector id whose namespace the value belongs to (e.g. `zendesk`). */
  system?: string;
}

/**
 * How firmly a record is tied to the subject. Only `strong` matches may lead to automatic erasure;
 * `weak` ones (a name, a phone number shared by several people in one system) go to review.
 */
export type MatchStrength = "strong" | "weak";

export interface IdentifierMatch {
  identifier: Identifier;
  strength: MatchStrength;
  /** The field of the record that matched, e.g. `email` or `identities[1].value`. */
  field?: string;
  /** Why a match is weak, e.g. `shared: 2 people in this system use this number`. */
  reason?: string;
}

export function identifierKey(identifier: Identifier): string {
  return identifier.system
    ? `${identifier.kind}:${identifier.system}:${identifier.value}`
    : `${identifier.kind}:${identifier.value}`;
}
