import type { Identifier, OraclePerson, OracleRecord, OracleStore } from "@lethe/connector-sdk";
import { mentionKey, mentionRefId, mentionsOf } from "../../vendor/mentions";
import { redactionCharacter } from "./comment-redaction";
import type { CommentRow, TicketRow } from "./rows";
import type { ZendeskStore } from "./zendesk-store";

/**
 * Every record still holding a person's data, read from the store (deleted users and deleted
 * tickets included), with the connector's record types:
 *
 * - `user` (active, soft-deleted, or permanently deleted but not yet scrubbed: `soft-deleted`);
 * - `identity` of the user while the user exists;
 * - `ticket` they requested (active or `soft-deleted` in deleted tickets) until it is purged;
 * - `ticket_participation` in another's ticket: CC, follower, or submitter while the user exists;
 * - `comment` they wrote in another's ticket, while its text or attachments are unredacted;
 * - `comment_mention`: another person's comment, in a ticket they did not request, whose text still
 *   writes one of their e-mail addresses or phone numbers.
 */
export function recordsHolding(store: ZendeskStore, person: OraclePerson): OracleRecord[] {
  const userId = Number(person.id);
  const records: OracleRecord[] = [];
  const user = store.users.get(userId);
  const purged = store.purgedUsers.get(userId);
  const userExists = user !== undefined || (purged !== undefined && !purged.scrubbed);
  if (user) {
    const store_: OracleStore = user.active ? "active" : "soft-deleted";
    records.push(record("user", String(userId), store_, { name: user.row.name }));
    for (const identity of store.identitiesOf(userId)) {
      records.push(record("identity", `${userId}:${identity.id}`, store_, { type: identity.type, value: identity.value }));
    }
  } else if (purged && !purged.scrubbed) {
    records.push(record("user", String(userId), "soft-deleted", { name: purged.row.name, email: purged.email, phone: purged.phone }));
  }

  const tickets: [TicketRow, OracleStore][] = [
    ...[...store.tickets.values()].map((t): [TicketRow, OracleStore] => [t, "active"]),
    ...[...store.deletedTickets.values()].map((d): [TicketRow, OracleStore] => [d.row, "soft-deleted"]),
  ];
  for (const [ticket, where] of tickets) {
    const comments = store.commentsOf(ticket.id);
    if (ticket.requester_id === userId) {
      records.push(
        record("ticket", String(ticket.id), where, {
          requester_id: String(userId),
          subject: ticket.subject,
          comments: comments.filter((c) => c.author_id === userId).map((c) => c.body),
        }),
      );
      continue;
    }
    const roles: Record<string, string> = {};
    if (ticket.email_cc_ids.includes(userId)) roles.email_cc = String(userId);
    if (ticket.follower_ids.includes(userId)) roles.follower = String(userId);
    if (ticket.submitter_id === userId && userExists) roles.submitter = String(userId);
    if (Object.keys(roles).length > 0) records.push(record("ticket_participation", `${ticket.id}:${userId}`, where, roles));
    for (const comment of comments) {
      if (comment.author_id === userId) {
        if (!isRedacted(comment)) records.push(record("comment", `${ticket.id}:${comment.id}`, where, authoredData(comment)));
        continue;
      }
      for (const identifier of mentionable(person.identifiers)) {
        const mentions = mentionsOf(comment.body, identifier);
        if (mentions.length === 0) continue;
        const key = mentionKey(identifier.kind, identifier.value);
        records.push(
          record("comment_mention", mentionRefId(ticket.id, comment.id, key), where, {
            mentions: mentions.map((m) => comment.body.slice(m.start, m.end)),
          }),
        );
      }
    }
  }
  return records;
}

function mentionable(identifiers: Identifier[]): (Identifier & { kind: "email" | "phone" })[] {
  return identifiers.filter((i): i is Identifier & { kind: "email" | "phone" } => i.kind === "email" || i.kind === "phone");
}

function authoredData(comment: CommentRow): Record<string, unknown> {
  return {
    body: comment.body,
    attachments: comment.attachments.filter((a) => !a.redacted).map((a) => a.file_name),
  };
}

/** Nothing of the author left: every character of the text ▇ (or a line break), every file replaced. */
export function isRedacted(comment: CommentRow): boolean {
  const textGone = [...comment.body].every((c) => c === redactionCharacter || c === "\n");
  return textGone && comment.attachments.every((a) => a.redacted);
}

function record(type: string, id: string, store: OracleStore, personalData: Record<string, unknown>): OracleRecord {
  return { ref: { type, id }, store, personalData, anonymised: false };
}
