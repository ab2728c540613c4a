import type { Identifier, IdentifierMatch, LocatedRecord } from "@lethe/connector-sdk";
import type { ZendeskContext } from "../settings";
import { isMentionable, mentionKey, mentionRefId, mentionsOf } from "../vendor/mentions";
import { exportSearch } from "../vendor/pages";
import { parseRecord } from "../vendor/read-zendesk-json";
import { zendeskTicket } from "../vendor/records";
import { quotedPhrase } from "../vendor/search-query";
import type { MatchedUser } from "./find-users";
import { isStrongMatch, matchOf } from "./match-strength";
import type { TicketReader } from "./ticket-reader";

/**
 * Comments other people wrote that write one of the subject's e-mail addresses or phone numbers:
 * redaction candidates, reported with `relation: "mentions"`. The export search finds candidate tickets by the quoted identifier (fuzzy,
 * like all Zendesk search); only a comment whose text contains the identifier exactly counts.
 *
 * Skipped: comments in tickets requested by, or written by, a strongly matched user holding the
 * identifier — those are the user's own records (ticket, comment), erased whole.
 */
export async function* findMentions(
  ctx: ZendeskContext,
  identifiers: Identifier[],
  users: MatchedUser[],
  reader: TicketReader,
): AsyncGenerator<LocatedRecord> {
  const seen = new Set<string>();
  for (const identifier of identifiers) {
    if ((identifier.kind !== "email" && identifier.kind !== "phone") || !isMentionable(identifier)) continue;
    const key = mentionKey(identifier.kind, identifier.value);
    if (seen.has(key)) continue;
    seen.add(key);
    const phrase = quotedPhrase(identifier.value);
    if (phrase === undefined) continue;
    const holders = users.filter((user) => holds(user, identifier));
    const own = new Set(holders.filter((user) => isStrongMatch(user.matchedBy)).map((user) => user.user.id));
    const source = { route: "search.mentions", recordType: "ticket" };
    const tickets = (await exportSearch(ctx, phrase, "ticket", source.route))
      .map((item) => parseRecord(item, zendeskTicket, source))
      .sort((a, b) => a.id - b.id);
    for (const ticket of tickets) {
      if (own.has(ticket.requester_id)) continue;
      for (const comment of await reader.comments(ticket.id)) {
        if (own.has(comment.author_id) || mentionsOf(comment.body, identifier).length === 0) continue;
        yield {
          ref: { type: "comment_mention", id: mentionRefId(ticket.id, comment.id, key) },
          matchedBy: [mentionMatch(identifier, holders)],
          discovered: [],
          label: `Mention in a comment on ticket #${ticket.id}`,
          // Another person's words: the engine plans `redact` (only the mention goes) and reads
          // the comment back afterwards to prove it kept and no longer naming the subject.
          relation: "mentions",
          mentionFields: ["comment.body"],
        };
      }
    }
  }
}

/**
 * As strong as the identifier is unique: weak when several users hold it, or when the one user
 * holding it is probably someone else (matched only weakly, e.g. a household sharing the number
 * once the subject is gone).
 */
function mentionMatch(identifier: Identifier, holders: MatchedUser[]): IdentifierMatch {
  const match = matchOf(identifier, holders.length, "comments[].body");
  if (match.strength === "weak" || holders.every((user) => isStrongMatch(user.matchedBy))) return match;
  return { ...match, strength: "weak", reason: "held by a user of this system who is probably someone else" };
}

function holds(user: MatchedUser, identifier: Identifier): boolean {
  return user.identities.some((identity) =>
    identifier.kind === "email"
      ? identity.type === "email" && identity.value.toLowerCase() === identifier.value.toLowerCase()
      : identity.type === "phone_number" && identity.value === identifier.value,
  );
}
