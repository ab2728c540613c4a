import { mentionsAnyOf, VendorContractError, type Identifier, type ReadBackQuery, type RecordPresence, type RecordRef } from "@lethe/connector-sdk";
import { z } from "zod";
import { TicketReader } from "../locate/ticket-reader";
import { rolesIn } from "../locate/user-records";
import type { ZendeskContext } from "../settings";
import { mentionedIdentifiers, mentionKey } from "../vendor/mentions";
import { cursorList } from "../vendor/pages";
import { parseRecord, readEnvelope, readJson } from "../vendor/read-zendesk-json";
import { isZendeskRecordType, zendeskDeletedUser, zendeskIdentity, zendeskTicket, zendeskUser, type ZendeskComment, type ZendeskTicket } from "../vendor/records";
import { mentionParts, pair, single } from "../vendor/refs";
import { callZendesk, expectStatus, pathId } from "../vendor/zendesk-request";
import { isFullyRedacted } from "./comment-redaction";
import { scrubbedName } from "./erase-user";

/**
 * `readBack`: each record read by its id, in every store Zendesk keeps it, never searched (search
 * lags and is fuzzy). A user is present while `GET /users/:id` shows it (active or soft-deleted)
 * or `GET /deleted_users/:id` still shows its name, e-mail or phone (permanently deleted, not yet
 * scrubbed); a ticket while `GET /tickets/:id` shows it or deleted tickets list it (soft-deleted,
 * not yet permanently deleted).
 *
 * Comments live in their ticket, so a `comment` or `comment_mention` is read from the ticket's
 * comments. Asked without identifiers (after erasure), a comment the person wrote is present while
 * anything of its text or files is left unredacted, a mention while the comment still writes the
 * identifier its ref stands for. Asked with the subject's identifiers (`ReadBackQuery`, after a
 * redact plan), the record is present while the comment exists, and `mentionsSubject` says
 * whether it still writes any of them — the proof a redaction kept the comment and removed them.
 */
export async function* readBackRecords(ctx: ZendeskContext, refs: RecordRef[], query?: ReadBackQuery): AsyncGenerator<RecordPresence> {
  const reader = new TicketReader(ctx);
  const deletedTickets = new DeletedTickets(ctx);
  const tickets = new ShownTickets(ctx, refs);
  const identifiers = query?.identifiers;
  for (const ref of refs) {
    ctx.signal.throwIfAborted();
    if (!isZendeskRecordType(ref.type)) throw new TypeError(`The Zendesk connector has no record type "${ref.type}"`);
    switch (ref.type) {
      case "user":
        yield await readUser(ctx, ref, identifiers);
        break;
      case "identity":
        yield await readIdentity(ctx, ref, identifiers);
        break;
      case "ticket":
        yield await readTicket(tickets, reader, deletedTickets, ref, identifiers);
        break;
      case "ticket_participation":
        yield await readParticipation(tickets, ref);
        break;
      case "comment":
        yield await readComment(reader, deletedTickets, ref, identifiers);
        break;
      case "comment_mention":
        yield await readMention(reader, deletedTickets, ref, identifiers);
        break;
    }
  }
}

/** What a present record answers: `mentionsSubject` only when asked with identifiers. */
function present(ref: RecordRef, detail: string, texts: ReadonlyArray<string | null | undefined>, identifiers: Identifier[] | undefined): RecordPresence {
  return identifiers ? { ref, present: true, mentionsSubject: mentionsAnyOf(texts, identifiers), detail } : { ref, present: true, detail };
}

async function readUser(ctx: ZendeskContext, ref: RecordRef, identifiers: Identifier[] | undefined): Promise<RecordPresence> {
  const userId = single(ref);
  const route = "users.show";
  const shown = await callZendesk(ctx, { method: "GET", path: `/users/${pathId(userId)}`, route });
  expectStatus(shown, [200, 404], route);
  if (shown.status === 200) {
    const user = await readEnvelope(shown, "user", zendeskUser, { route, recordType: "user" });
    return present(ref, user.active ? "Zendesk still holds the user" : "the user is soft-deleted, not permanently deleted", [user.email, user.phone], identifiers);
  }
  const deletedRoute = "deleted_users.show";
  const deleted = await callZendesk(ctx, { method: "GET", path: `/deleted_users/${pathId(userId)}`, route: deletedRoute });
  expectStatus(deleted, [200, 404], deletedRoute);
  if (deleted.status === 404) return { ref, present: false };
  const user = await readEnvelope(deleted, "deleted_user", zendeskDeletedUser, { route: deletedRoute, recordType: "deleted_user" });
  // Trap 4 (vendor-apis.md §2.8): a permanently deleted user stays listed, scrubbed — a tombstone, not the person.
  if (user.name === scrubbedName && user.email === null && user.phone === null) return { ref, present: false };
  return present(ref, "deleted users still hold the user's name, e-mail or phone", [user.email, user.phone], identifiers);
}

async function readIdentity(ctx: ZendeskContext, ref: RecordRef, identifiers: Identifier[] | undefined): Promise<RecordPresence> {
  const [userId, identityId] = pair(ref);
  const route = "identities.show";
  const shown = await callZendesk(ctx, { method: "GET", path: `/users/${pathId(userId)}/identities/${pathId(identityId)}`, route });
  expectStatus(shown, [200, 404], route);
  if (shown.status === 404) return { ref, present: false };
  const identity = await readEnvelope(shown, "identity", zendeskIdentity, { route, recordType: "identity" });
  return present(ref, `Zendesk still holds the user's ${identity.type} identity`, [identity.value], identifiers);
}

async function readTicket(
  tickets: ShownTickets,
  reader: TicketReader,
  deletedTickets: DeletedTickets,
  ref: RecordRef,
  identifiers: Identifier[] | undefined,
): Promise<RecordPresence> {
  const ticketId = single(ref);
  const ticket = await tickets.find(ticketId);
  if (ticket) {
    const comments = await reader.comments(ticketId);
    return present(ref, `Zendesk still holds the ticket (${ticket.status})`, [ticket.subject, ...comments.map((comment) => comment.body)], identifiers);
  }
  const deleted = await deletedTickets.find(ticketId);
  // A soft-deleted ticket keeps its subject and text until permanently deleted; only those two are still served.
  return deleted
    ? present(ref, "the ticket is soft-deleted, not permanently deleted", [deleted.subject, deleted.description], identifiers)
    : { ref, present: false };
}

async function readParticipation(tickets: ShownTickets, ref: RecordRef): Promise<RecordPresence> {
  const [ticketId, userId] = pair(ref);
  const ticket = await tickets.find(ticketId);
  const roles = ticket ? rolesIn(ticket, userId) : [];
  // The participation is the user's place in the ticket: nothing but a reference to the person.
  return roles.length > 0 ? { ref, present: true, mentionsSubject: true, detail: `still ${roles.join(" and ")} of the ticket` } : { ref, present: false };
}

async function readComment(reader: TicketReader, deletedTickets: DeletedTickets, ref: RecordRef, identifiers: Identifier[] | undefined): Promise<RecordPresence> {
  const [ticketId, commentId] = pair(ref);
  const comment = await commentOf(reader, ticketId, commentId);
  if (!comment) return inDeletedTicket(deletedTickets, ref, ticketId, identifiers);
  if (identifiers) return present(ref, "the comment is kept in its ticket", [comment.body], identifiers);
  return isFullyRedacted(comment) ? { ref, present: false, detail: "only ▇ is left of the comment" } : { ref, present: true, detail: "the comment's text or files are not redacted" };
}

async function readMention(reader: TicketReader, deletedTickets: DeletedTickets, ref: RecordRef, identifiers: Identifier[] | undefined): Promise<RecordPresence> {
  const { ticketId, commentId, key } = mentionParts(ref);
  const comment = await commentOf(reader, ticketId, commentId);
  if (!comment) return inDeletedTicket(deletedTickets, ref, ticketId, identifiers);
  // The mention's key stands for one identifier; the subject's identifiers with that key are the
  // ones this record is about, and the key itself decides when the query holds none of them.
  const keyed = (identifiers ?? []).filter((identifier) => (identifier.kind === "email" || identifier.kind === "phone") && mentionKey(identifier.kind, identifier.value) === key);
  const stillNamed =
    keyed.length > 0 ? mentionsAnyOf([comment.body], keyed) : mentionedIdentifiers(comment.body).some((mention) => mentionKey(mention.kind, mention.value) === key);
  if (identifiers) return { ref, present: true, mentionsSubject: stillNamed, detail: "the comment is kept in its ticket" };
  return stillNamed ? { ref, present: true, detail: "the comment still writes the person's identifier" } : { ref, present: false };
}

/**
 * A comment its ticket no longer serves: gone with the ticket, unless the ticket is only
 * soft-deleted — then Zendesk keeps the conversation until it is permanently deleted, and serves
 * only the subject line and description to read it by.
 */
async function inDeletedTicket(deletedTickets: DeletedTickets, ref: RecordRef, ticketId: number, identifiers: Identifier[] | undefined): Promise<RecordPresence> {
  const deleted = await deletedTickets.find(ticketId);
  if (!deleted) return { ref, present: false };
  return present(ref, "the ticket holding the comment is soft-deleted, not permanently deleted", [deleted.subject, deleted.description], identifiers);
}

async function commentOf(reader: TicketReader, ticketId: number, commentId: number): Promise<ZendeskComment | undefined> {
  return (await reader.comments(ticketId)).find((comment) => comment.id === commentId);
}

/**
 * The active tickets among those the refs name (tickets, and the tickets of participations), read
 * with `GET /tickets/show_many` (Z9) 100 ids a call, once per `readBack` and only when one is
 * asked for: a call per ticket would cost as many calls as tickets. A ticket show_many does not
 * return is not active (deleted, or never there).
 */
class ShownTickets {
  private shown: Promise<Map<number, ZendeskTicket>> | undefined;
  private readonly ids: number[];

  constructor(
    private readonly ctx: ZendeskContext,
    refs: readonly RecordRef[],
  ) {
    const ids = new Set<number>();
    for (const ref of refs) {
      if (ref.type === "ticket") ids.add(single(ref));
      else if (ref.type === "ticket_participation") ids.add(pair(ref)[0]);
    }
    this.ids = [...ids];
  }

  async find(ticketId: number): Promise<ZendeskTicket | undefined> {
    this.shown ??= this.load();
    return (await this.shown).get(ticketId);
  }

  private async load(): Promise<Map<number, ZendeskTicket>> {
    const route = "tickets.show_many";
    const shown = new Map<number, ZendeskTicket>();
    for (let start = 0; start < this.ids.length; start += showManyLimit) {
      this.ctx.signal.throwIfAborted();
      const ids = this.ids.slice(start, start + showManyLimit).join(",");
      const response = await callZendesk(this.ctx, { method: "GET", path: "/tickets/show_many", query: { ids }, route });
      expectStatus(response, [200], route);
      const list = z.looseObject({ tickets: z.array(z.unknown()) }).safeParse(await readJson(response, route));
      if (!list.success) throw new VendorContractError(`${route} answered without a "tickets" list`, { route, issues: list.error.issues });
      for (const item of list.data.tickets) {
        const ticket = parseRecord(item, zendeskTicket, { route, recordType: "ticket" });
        shown.set(ticket.id, ticket);
      }
    }
    return shown;
  }
}

/** Ids per `GET /tickets/show_many` (Z9). */
const showManyLimit = 100;

/**
 * Deleted tickets (Z18), read once per `readBack` and only when a ticket is not among tickets:
 * Zendesk has no route for one deleted ticket, and the list allows 10 calls a minute.
 */
class DeletedTickets {
  private listed: Promise<Map<number, DeletedTicket>> | undefined;

  constructor(private readonly ctx: ZendeskContext) {}

  async find(ticketId: number): Promise<DeletedTicket | undefined> {
    this.listed ??= this.load();
    return (await this.listed).get(ticketId);
  }

  private async load(): Promise<Map<number, DeletedTicket>> {
    const listed =
      (await cursorList(this.ctx, {
        path: "/deleted_tickets",
        key: "deleted_tickets",
        schema: deletedTicket,
        source: { route: "deleted_tickets.list", recordType: "deleted_ticket" },
      })) ?? [];
    return new Map(listed.map((ticket) => [ticket.id, ticket]));
  }
}

/** A deleted-tickets entry (Z18; shape ⚠): what of the ticket Zendesk still serves. */
const deletedTicket = z.looseObject({ id: z.int().positive(), subject: z.string().nullable(), description: z.string().nullable() });
type DeletedTicket = z.output<typeof deletedTicket>;
