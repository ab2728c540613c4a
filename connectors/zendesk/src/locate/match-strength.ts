import type { Identifier, IdentifierMatch } from "@lethe/connector-sdk";

/* How firmly a Zendesk user ties to the subject. Only strong matches may be erased without review. */

const fieldOf: Partial<Record<Identifier["kind"], string>> = {
  email: "identities[type=email].value",
  phone: "identities[type=phone_number].value",
  native_id: "id",
};

/** `holders`: how many users of the account carry the identifier (a household's shared number: 2). */
export function matchOf(identifier: Identifier, holders: number, field = fieldOf[identifier.kind] ?? identifier.kind): IdentifierMatch {
  if (holders > 1) {
    return { identifier, strength: "weak", field, reason: `shared: ${holders} people in this system have this ${identifier.kind.replace("_", " ")}` };
  }
  return { identifier, strength: "strong", field };
}

/**
 * A phone number alone is weak evidence when the user contradicts the subject: numbers are shared
 * and reassigned, so a user found only by phone, none of whose e-mail addresses is the subject's,
 * is probably someone else.
 */
export function corroborated(userEmails: readonly string[], matchedBy: IdentifierMatch[], query: readonly Identifier[]): IdentifierMatch[] {
  const subjectEmails = new Set(query.filter((i) => i.kind === "email").map((i) => i.value.toLowerCase()));
  const phoneOnly = matchedBy.every((match) => match.identifier.kind === "phone");
  if (!phoneOnly || subjectEmails.size === 0 || userEmails.some((email) => subjectEmails.has(email.toLowerCase()))) return matchedBy;
  const contradiction = "uncorroborated: matched by phone only, and none of the user's e-mail addresses is the subject's";
  return matchedBy.map((match) => ({ ...match, strength: "weak", reason: match.reason ? `${match.reason}; ${contradiction}` : contradiction }));
}

/** The records of a user carry the user's matches; a record found through a weak user is weak. */
export function isStrongMatch(matchedBy: readonly IdentifierMatch[]): boolean {
  return matchedBy.some((match) => match.strength === "strong");
}
