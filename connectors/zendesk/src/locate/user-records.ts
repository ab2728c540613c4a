import type { LocatedRecord } from "@lethe/connector-sdk";
import type { ZendeskContext } from "../settings";
import { cursorList, exportSearch } from "../vendor/pages";
import { parseRecord } from "../vendor/read-zendesk-json";
import { zendeskTicket, type ParticipationRole, type ZendeskTicket } from "../vendor/records";
import { pathId } from "../vendor/zendesk-request";
import type { MatchedUser } from "./find-users";
import type { TicketReader } from "./ticket-reader";

export type UserRecord = Omit<LocatedRecord, "matchedBy" | "discovered">;

/**
 * Everything filed under one user, in a fixed order: the user, their identities, the tickets they
 * requested (Z7, cursor pages: not capped at 1,000 like the search API), then, from one export
 * search, other people's tickets they are CC, follower or submitter of or wrote a comment in.
 */
export async function* userRecords(ctx: ZendeskContext, matched: MatchedUser, reader: TicketReader): AsyncGenerator<UserRecord> {
  const { user, identities } = matched;
  yield { ref: { type: "user", id: String(user.id) }, label: `Zendesk ${user.role}${user.active ? "" : " (deleted)"}` };
  for (const identity of identities) {
    yield { ref: { type: "identity", id: `${user.id}:${identity.id}` }, label: `Identity (${identity.type})` };
  }
  const requested =
    (await cursorList(ctx, {
      path: `/users/${pathId(user.id)}/tickets/requested`,
      key: "tickets",
      schema: zendeskTicket,
      source: { route: "users.tickets.requested", recordType: "ticket" },
    })) ?? [];
  for (const ticket of requested) {
    yield { ref: { type: "ticket", id: String(ticket.id) }, label: `Ticket #${ticket.id} (${ticket.status})` };
  }
  for (const ticket of await involvedTickets(ctx, user.id)) {
    if (ticket.requester_id === user.id) continue;
    const roles = rolesIn(ticket, user.id);
    if (roles.length > 0) {
      yield { ref: { type: "ticket_participation", id: `${ticket.id}:${user.id}` }, label: `${roles.join(", ")} on ticket #${ticket.id}` };
    }
    for (const comment of await reader.comments(ticket.id)) {
      if (comment.author_id !== user.id) continue;
      yield { ref: { type: "comment", id: `${ticket.id}:${comment.id}` }, label: `Comment on ticket #${ticket.id}` };
    }
  }
}

/* Z2 export search: no 1,000 cap; `cc:`, `follower:`, `submitter:` and `commenter:` take a user id. */
async function involvedTickets(ctx: ZendeskContext, userId: number): Promise<ZendeskTicket[]> {
  const query = ["commenter", "cc", "follower", "submitter"].map((keyword) => `${keyword}:${userId}`).join(" OR ");
  const source = { route: "search.involvement", recordType: "ticket" };
  const tickets = (await exportSearch(ctx, query, "ticket", source.route)).map((item) => parseRecord(item, zendeskTicket, source));
  return tickets.sort((a, b) => a.id - b.id);
}

export function rolesIn(ticket: ZendeskTicket, userId: number): ParticipationRole[] {
  const roles: ParticipationRole[] = [];
  if (ticket.email_cc_ids.includes(userId) || ticket.collaborator_ids.includes(userId)) roles.push("email_cc");
  if (ticket.follower_ids.includes(userId)) roles.push("follower");
  if (ticket.submitter_id === userId) roles.push("submitter");
  return roles;
}
