import type { Identifier, IdentifierMatch } from "@lethe/connector-sdk";
import type { PersonRecord } from "../vendor/records";

/* How firmly each identifier ties a Reference CRM person to the subject. Only strong matches may
 * be erased without review (docs/rights-engine.md, "Match strength, engine side"), so doubt means weak. */

const fieldOf: Partial<Record<Identifier["kind"], string>> = {
  email: "email",
  phone: "phone",
  customer_id: "customerId",
  native_id: "id",
};

/**
 * An identifier several people of the CRM hold (a household's landline) cannot tell them apart.
 * `holders` is how many people the vendor's search returned for it.
 */
export function matchOf(identifier: Identifier, holders: number): IdentifierMatch {
  const field = fieldOf[identifier.kind] ?? identifier.kind;
  if (holders > 1) {
    return {
      identifier,
      strength: "weak",
      field,
      reason: `shared: ${holders} people in this system have this ${identifier.kind.replace("_", " ")}`,
    };
  }
  return { identifier, strength: "strong", field };
}

/**
 * A phone number alone is weak evidence when the record contradicts the subject: numbers are
 * shared within households and reassigned, so a person found only by phone whose e-mail address
 * is none of the subject's is probably someone else. (Once the subject is erased, their
 * household's number is no longer shared in the CRM; this rule keeps it from turning strong.)
 */
export function corroborated(person: PersonRecord, matchedBy: IdentifierMatch[], query: Identifier[]): IdentifierMatch[] {
  const subjectEmails = new Set(query.filter((i) => i.kind === "email").map((i) => i.value.toLowerCase()));
  const phoneOnly = matchedBy.every((match) => match.identifier.kind === "phone");
  if (!phoneOnly || subjectEmails.size === 0 || subjectEmails.has(person.email.toLowerCase())) return matchedBy;
  const contradiction = "uncorroborated: matched by phone only, and the record's e-mail address is not the subject's";
  return matchedBy.map((match) => ({
    ...match,
    strength: "weak",
    reason: match.reason ? `${match.reason}; ${contradiction}` : contradiction,
  }));
}
