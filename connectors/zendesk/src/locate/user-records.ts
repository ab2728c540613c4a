import type { LocatedRecord } from "@lethe/connector-sdk";
import type { ZendeskContext } from "../settings";
import { cursorList } from "../vendor/pages";
import { zendeskTicket, type ParticipationRole, type ZendeskTicket } from "../vendor/records";
import { pathId } from "../vendor/zendesk-request";
import type { MatchedUser } from "./find-users";
import type { TicketReader } from "./ticket-reader";

export type UserRecord = Omit<LocatedRecord, "matchedBy" | "discovered">;

/**
 * Everything filed under one user, in a fixed order: the user, their identities, the tickets they
 * requested (Z7, cursor pages: not capped at 1,000 like the search API), then other people's
 * tickets they are copied in on (Z7 `/ccd`): their place there (CC, follower, submitter — read
 * from the ticket's own id lists, never assumed from the list it came in) and the comments they
 * wrote there.
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
  for (const ticket of await copiedInTickets(ctx, user.id)) {
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

/*
 * vendor-apis.md §2 documents `/users/:id/tickets/requested|ccd|assigned` but no search keyword for
 * CCs, followers or submitters, so the place of a user in other people's tickets comes from `ccd`
 * (collaborators: e-mail CCs and followers). A ticket the user only submitted, without being
 * copied in, is not listed by any documented endpoint (README, "Limits").
 */
async function copiedInTickets(ctx: ZendeskContext, userId: number): Promise<ZendeskTicket[]> {
  const tickets =
    (await cursorList(ctx, {
      path: `/users/${pathId(userId)}/tickets/ccd`,
      key: "tickets",
      schema: zendeskTicket,
      source: { route: "users.tickets.ccd", recordType: "ticket" },
    })) ?? [];
  return tickets.sort((a, b) => a.id - b.id);
}

/** The user's places in the ticket, as its id lists say; none when a list only claimed so. */
export function rolesIn(ticket: ZendeskTicket, userId: number): ParticipationRole[] {
  const roles: ParticipationRole[] = [];
  const follower = ticket.follower_ids.includes(userId);
  // `collaborator_ids` alone (no e-mail CC, no follower): a CC from before CCs and followers.
  if (ticket.email_cc_ids.includes(userId) || (ticket.collaborator_ids.includes(userId) && !follower)) roles.push("email_cc");
  if (follower) roles.push("follower");
  if (ticket.submitter_id === userId) roles.push("submitter");
  return roles;
}
