import type { Identifier } from "@lethe/connector-sdk";
import type { IdentityRow, UserRow } from "./rows";

/** What the engine would query for a person: lower-cased e-mail addresses, E.164 phones, the user id. */
export function identifiersOf(identities: readonly IdentityRow[], user: UserRow): Identifier[] {
  const own = identities.filter((identity) => identity.user_id === user.id);
  return [
    ...own.map((identity): Identifier =>
      identity.type === "email" ? { kind: "email", value: identity.value.toLowerCase() } : { kind: "phone", value: identity.value },
    ),
    { kind: "native_id", value: String(user.id), system: "zendesk" },
  ];
}
