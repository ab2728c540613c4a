import { identifierKey, peopleHolding, sameEmail, type Identifier, type IdentifierMatch } from "@lethe/connector-sdk";
import type { ReferenceContext } from "../settings";
import { readPage, readRecord } from "../vendor/read-vendor-json";
import { personRecord, type PersonRecord } from "../vendor/records";
import { callVendor, expectStatus, pathId } from "../vendor/vendor-request";
import { corroborated, matchOf } from "./match-strength";

/** The namespace of this connector's `native_id`s: Reference CRM person ids. */
export const nativeIdSystem = "reference";

/** Page size for every list call: the API's maximum, to spend as few requests as possible. */
export const pageSize = 50;

export interface MatchedPerson {
  person: PersonRecord;
  matchedBy: IdentifierMatch[];
}

type SearchField = "email" | "phone" | "customerId";

const searchFieldOf: Partial<Record<Identifier["kind"], SearchField>> = {
  email: "email",
  phone: "phone",
  customer_id: "customerId",
};

/**
 * The people the subject's identifiers point at, each once with every identifier that matched,
 * in a fixed order (the order of the identifiers), so that a resumed locate walks them alike.
 * Uses the vendor's search, never a listing: the cost must not grow with the size of the CRM.
 * Searches only `identifiers`; `known` (searched by an earlier round) only weighs the matches.
 */
export async function findPeople(ctx: ReferenceContext, identifiers: Identifier[], known: readonly Identifier[] = []): Promise<MatchedPerson[]> {
  const found = new Map<string, MatchedPerson>();
  const asked = new Set<string>();
  for (const identifier of identifiers) {
    if (asked.has(identifierKey(identifier))) continue;
    asked.add(identifierKey(identifier));
    ctx.signal.throwIfAborted();
    const people = await peopleWith(ctx, identifier);
    for (const person of people) {
      const entry = found.get(person.id) ?? { person, matchedBy: [] };
      // Each person record is a person, but an e-mail address is one mailbox: its holders are
      // one person however their records spell it (peopleHolding).
      entry.matchedBy.push(matchOf(identifier, peopleHolding(identifier.kind, people.map((holder) => (identifier.kind === "email" ? undefined : holder.id)))));
      found.set(person.id, entry);
    }
  }
  return [...found.values()].map(({ person, matchedBy }) => ({
    person,
    // The subject's identifiers earlier rounds searched with still corroborate (or contradict) a match.
    matchedBy: corroborated(person, matchedBy, [...identifiers, ...known]),
  }));
}

async function peopleWith(ctx: ReferenceContext, identifier: Identifier): Promise<PersonRecord[]> {
  if (identifier.kind === "native_id") {
    return identifier.system === nativeIdSystem ? personById(ctx, identifier.value) : [];
  }
  const field = searchFieldOf[identifier.kind];
  if (!field) return [];
  const hits = await searchPeople(ctx, field, identifier.value);
  // Vendor searches are often fuzzier than documented (prefixes, folded `+tags`); only a person
  // who actually carries the identifier is a match, or a bystander could be erased.
  return hits.filter((person) => carries(person, field, identifier.value));
}

/* API.md, "Search people": GET /api/people?{field}=value, paginated like every list. */
async function searchPeople(ctx: ReferenceContext, field: SearchField, value: string): Promise<PersonRecord[]> {
  const route = "people.search";
  const people: PersonRecord[] = [];
  let cursor: string | null = null;
  do {
    const response = await callVendor(ctx, {
      method: "GET",
      path: "/api/people",
      query: { [field]: value, limit: pageSize, cursor: cursor ?? undefined },
      route,
    });
    expectStatus(response, [200], route);
    const page = await readPage(response, personRecord, { route, recordType: "person" });
    people.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return people;
}

/* API.md, "Get a person": GET /api/people/:id; 404 when there is no such (active) person. */
async function personById(ctx: ReferenceContext, id: string): Promise<PersonRecord[]> {
  const route = "people.show";
  const response = await callVendor(ctx, { method: "GET", path: `/api/people/${pathId(id)}`, route });
  if (response.status === 404) return [];
  expectStatus(response, [200], route);
  return [await readRecord(response, personRecord, { route, recordType: "person" })];
}

function carries(person: PersonRecord, field: SearchField, value: string): boolean {
  // The API matches e-mail case-insensitively; so must we, or we would miss the subject.
  return field === "email" ? sameEmail(person.email, value) : person[field] === value;
}
