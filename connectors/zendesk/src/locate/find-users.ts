import { identifierKey, peopleHolding, sameEmail, type Identifier, type IdentifierMatch } from "@lethe/connector-sdk";
import type { ZendeskContext } from "../settings";
import { cursorList, exportSearch, offsetSearch } from "../vendor/pages";
import { parseRecord, readEnvelope } from "../vendor/read-zendesk-json";
import { searchResult, zendeskIdentity, zendeskUser, type ZendeskIdentity, type ZendeskUser } from "../vendor/records";
import { isZendeskId, keywordQuery } from "../vendor/search-query";
import { callZendesk, expectStatus, pathId } from "../vendor/zendesk-request";
import { corroborated, matchOf } from "./match-strength";

/** The namespace of this connector's `native_id`s: Zendesk user ids. */
export const nativeIdSystem = "zendesk";

export interface MatchedUser {
  user: ZendeskUser;
  identities: ZendeskIdentity[];
  matchedBy: IdentifierMatch[];
}

/**
 * The users the subject's identifiers point at, each once with every identifier that matched, in
 * a fixed order. Zendesk's search is fuzzy (it finds `+tag` addresses and the same national number
 * under another country code), so a hit counts only if one of its identities is the identifier
 * exactly: e-mail case-insensitively, phone as E.164, or the user id.
 */
export async function findUsers(ctx: ZendeskContext, identifiers: Identifier[], known: readonly Identifier[] = []): Promise<MatchedUser[]> {
  const found = new Map<number, MatchedUser>();
  const asked = new Set<string>();
  for (const identifier of identifiers) {
    if (asked.has(identifierKey(identifier))) continue;
    asked.add(identifierKey(identifier));
    ctx.signal.throwIfAborted();
    const holders: { user: ZendeskUser; identities: ZendeskIdentity[] }[] = [];
    for (const user of await candidates(ctx, identifier)) {
      const known = found.get(user.id);
      const identities = known?.identities ?? (await identitiesOf(ctx, user.id));
      if (carries(user, identities, identifier)) holders.push({ user, identities });
    }
    // Each user is a person, but an e-mail address is one mailbox: users holding it in any case
    // are one person (peopleHolding).
    const people = peopleHolding(identifier.kind, holders.map(({ user }) => (identifier.kind === "email" ? undefined : String(user.id))));
    for (const { user, identities } of holders) {
      const entry = found.get(user.id) ?? { user, identities, matchedBy: [] };
      entry.matchedBy.push(matchOf(identifier, people));
      found.set(user.id, entry);
    }
  }
  return [...found.values()].map((entry) => ({
    ...entry,
    // Identifiers an earlier round searched with (`known`) still corroborate or contradict a match.
    matchedBy: corroborated(emailsOf(entry.identities), entry.matchedBy, [...identifiers, ...known]),
  }));
}

async function candidates(ctx: ZendeskContext, identifier: Identifier): Promise<ZendeskUser[]> {
  if (identifier.kind === "native_id") {
    if (identifier.system !== nativeIdSystem || !isZendeskId(identifier.value)) return [];
    return userById(ctx, identifier.value);
  }
  const keyword = identifier.kind === "email" ? "email" : identifier.kind === "phone" ? "phone" : undefined;
  if (!keyword) return [];
  const query = keywordQuery(keyword, identifier.value, "user");
  if (query === undefined) return [];
  const route = "search.users";
  const source = { route, recordType: "user" };
  const results = await offsetSearch(ctx, query, route);
  // More than the search API pages through (1,000): the export search has no cap.
  const items = results.capped ? await exportSearch(ctx, keywordQuery(keyword, identifier.value) ?? query, "user", "search.export") : results.items;
  return items
    .filter((item) => parseRecord(item, searchResult, source).result_type === "user")
    .map((item) => parseRecord(item, zendeskUser, source));
}

/* Z5: GET /users/:id; soft-deleted users are still there, with active: false. */
async function userById(ctx: ZendeskContext, id: string): Promise<ZendeskUser[]> {
  const route = "users.show";
  const response = await callZendesk(ctx, { method: "GET", path: `/users/${pathId(id)}`, route });
  if (response.status === 404) return [];
  expectStatus(response, [200], route);
  return [await readEnvelope(response, "user", zendeskUser, { route, recordType: "user" })];
}

export async function identitiesOf(ctx: ZendeskContext, userId: number): Promise<ZendeskIdentity[]> {
  const identities = await cursorList(ctx, {
    path: `/users/${pathId(userId)}/identities`,
    key: "identities",
    schema: zendeskIdentity,
    source: { route: "identities.list", recordType: "identity" },
  });
  return identities ?? [];
}

/**
 * Whether the user holds one of the identifiers an earlier round searched with: that search found
 * every holder, so the earlier round walked this user's records already.
 */
export function carriesAnyOf(matched: MatchedUser, known: readonly Identifier[]): boolean {
  return known.some((identifier) => carries(matched.user, matched.identities, identifier));
}

function carries(user: ZendeskUser, identities: ZendeskIdentity[], identifier: Identifier): boolean {
  switch (identifier.kind) {
    case "native_id":
      return String(user.id) === identifier.value;
    case "email":
      return emailsOf(identities).some((email) => sameEmail(email, identifier.value));
    case "phone":
      return identities.some((identity) => identity.type === "phone_number" && identity.value === identifier.value);
    default:
      return false;
  }
}

export function emailsOf(identities: readonly ZendeskIdentity[]): string[] {
  return identities.filter((identity) => identity.type === "email").map((identity) => identity.value);
}
