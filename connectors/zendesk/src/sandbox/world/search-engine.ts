import type { IdentityRow, TicketRow, UserRow } from "./rows";
import type { ZendeskStore } from "./zendesk-store";

/*
 * Zendesk's search language, the parts the connector and node-zendesk use (vendor-apis.md §2.2):
 * `type:user|ticket`, `keyword:value` and `keyword:"quoted value"`, bare words and "quoted
 * phrases", a leading `-` to exclude, `OR` between alternatives, and `*` as a wildcard in unquoted
 * values. Inside quotes every character is literal. Dates: `created` and `updated` with `:` (that
 * day), `<` (before it) or `>` (after it), a `YYYY-MM-DD` date (the account's day, UTC here) or an
 * ISO 8601 date-time, e.g. `status:closed updated<2024-01-01`.
 *
 * Like the real service it is fuzzier than a client might hope: `email:` also finds `+tag`
 * variants of an address, and `phone:` finds numbers whose last ten digits agree (the same
 * national number under another country code). Clients must compare hits exactly.
 */

export type SearchType = "user" | "ticket";

interface Term {
  negated: boolean;
  keyword?: string;
  /** `:`, or `<` / `>` for a date keyword. */
  operator: ":" | "<" | ">";
  value: string;
  quoted: boolean;
}

export interface ParsedQuery {
  types: SearchType[];
  /** Alternatives (joined by OR), each a conjunction of terms. */
  alternatives: Term[][];
}

const tokenPattern = /(-?)(?:([a-z_]+)([:<>]))?(?:"([^"]*)"?|(\S+))/gi;

export function parseQuery(query: string): ParsedQuery {
  const types: SearchType[] = [];
  const alternatives: Term[][] = [[]];
  for (const match of query.matchAll(tokenPattern)) {
    const [, minus = "", keyword, operator = ":", quotedValue, bareValue] = match;
    const quoted = quotedValue !== undefined;
    const value = quotedValue ?? bareValue ?? "";
    if (!quoted && !keyword && minus === "" && value === "OR") {
      alternatives.push([]);
      continue;
    }
    if (keyword?.toLowerCase() === "type" && (value === "user" || value === "ticket")) {
      types.push(value);
      continue;
    }
    alternatives.at(-1)?.push({ negated: minus === "-", keyword: keyword?.toLowerCase(), operator: operator as Term["operator"], value, quoted });
  }
  return { types, alternatives: alternatives.filter((terms) => terms.length > 0) };
}

export interface SearchHit {
  type: SearchType;
  id: number;
}

/** Active users and active tickets matching the query, users first, each in id order. */
export function search(store: ZendeskStore, query: ParsedQuery, only?: SearchType): SearchHit[] {
  const wants = (type: SearchType) => (only ? only === type : query.types.length === 0 || query.types.includes(type));
  const hits: SearchHit[] = [];
  if (query.alternatives.length === 0) return hits;
  if (wants("user")) {
    for (const user of store.users.values()) {
      if (!user.active) continue;
      const identities = store.identitiesOf(user.row.id);
      if (matches(query, (term) => userTerm(store, user.row, identities, term))) hits.push({ type: "user", id: user.row.id });
    }
  }
  if (wants("ticket")) {
    for (const ticket of store.tickets.values()) {
      if (matches(query, (term) => ticketTerm(store, ticket, term))) hits.push({ type: "ticket", id: ticket.id });
    }
  }
  return hits.sort((a, b) => (a.type === b.type ? a.id - b.id : a.type === "user" ? -1 : 1));
}

function matches(query: ParsedQuery, holds: (term: Term) => boolean): boolean {
  return query.alternatives.some((terms) => terms.every((term) => holds(term) !== term.negated));
}

function userTerm(store: ZendeskStore, user: UserRow, identities: IdentityRow[], term: Term): boolean {
  // Only dates compare with < and >, and users are not searched by date here.
  if (term.operator !== ":") return false;
  const emails = identities.filter((i) => i.type === "email").map((i) => i.value);
  const phones = identities.filter((i) => i.type === "phone_number").map((i) => i.value);
  switch (term.keyword) {
    case "email":
      return emails.some((email) => emailMatches(email, term));
    case "phone":
      return phones.some((phone) => phoneMatches(phone, term));
    case "name":
      return text(user.name, term);
    case "role":
      return user.role === term.value;
    case undefined:
      return text(user.name, term) || emails.some((email) => emailMatches(email, term)) || phones.some((phone) => phoneMatches(phone, term));
    default:
      return false;
  }
}

function ticketTerm(store: ZendeskStore, ticket: TicketRow, term: Term): boolean {
  if (term.operator !== ":" && term.keyword !== "created" && term.keyword !== "updated") return false;
  const person = (ids: number[]) => ids.some((id) => userIs(store, id, term));
  switch (term.keyword) {
    case "requester":
      return person([ticket.requester_id]);
    case "submitter":
      return person([ticket.submitter_id]);
    case "assignee":
      return ticket.assignee_id !== null && person([ticket.assignee_id]);
    case "cc":
      return person(ticket.email_cc_ids);
    case "follower":
      return person(ticket.follower_ids);
    case "commenter":
      return person(store.commentsOf(ticket.id).map((comment) => comment.author_id));
    case "status":
      return ticket.status === term.value.toLowerCase();
    case "created":
      return dateMatches(ticket.created_at, term);
    case "updated":
      return dateMatches(ticket.updated_at, term);
    case "subject":
      return text(ticket.subject, term);
    case undefined:
      return text(ticket.subject, term) || store.commentsOf(ticket.id).some((comment) => text(comment.body, term));
    default:
      return false;
  }
}

/* `requester:35436`, `requester:jane@example.com` or `requester:+12015550123`. */
function userIs(store: ZendeskStore, userId: number, term: Term): boolean {
  if (term.value === String(userId)) return true;
  const identities = store.identitiesOf(userId);
  return identities.some((identity) =>
    identity.type === "email" ? identity.value.toLowerCase() === term.value.toLowerCase() : identity.value === term.value,
  );
}

function emailMatches(email: string, term: Term): boolean {
  const value = term.value.toLowerCase();
  const actual = email.toLowerCase();
  if (!term.quoted && value.includes("*")) return glob(value).test(actual);
  return actual === value || actual.replace(/\+[^@]*@/, "@") === value;
}

function phoneMatches(phone: string, term: Term): boolean {
  const digits = term.value.replace(/\D/g, "");
  if (digits.length < 7) return false;
  const actual = phone.replace(/\D/g, "");
  return actual === digits || actual.slice(-10) === digits.slice(-10);
}

/* Free text: case-insensitive; phone-like values also match the digits of the text. */
function text(haystack: string, term: Term): boolean {
  const lower = haystack.toLowerCase();
  const value = term.value.toLowerCase();
  if (value.trim() === "") return false;
  if (!term.quoted && value.includes("*")) return glob(value).test(lower);
  if (lower.includes(value)) return true;
  if (/^\+?[\d\s().-]{7,}$/.test(value)) {
    const digits = value.replace(/\D/g, "");
    return haystack.replace(/\D/g, "").includes(digits);
  }
  return false;
}

/**
 * `updated<2024-01-01`: before that day began; `>`: after it ended; `:` within it. A date-time
 * compares to the instant. An unreadable date matches nothing, as Zendesk's search finds nothing.
 */
function dateMatches(stamp: string, term: Term): boolean {
  const at = Date.parse(stamp);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(term.value);
  const start = Date.parse(day ? `${term.value}T00:00:00Z` : term.value);
  if (!Number.isFinite(start) || !Number.isFinite(at)) return false;
  const end = day ? start + 86_400_000 : start;
  if (term.operator === "<") return at < start;
  if (term.operator === ">") return day ? at >= end : at > start;
  return day ? at >= start && at < end : at === start;
}

function glob(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*");
  return new RegExp(escaped);
}
