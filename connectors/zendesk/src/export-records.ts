import { VendorContractError, type ExportItem, type RecordRef } from "@lethe/connector-sdk";
import type { z } from "zod";
import { mentionParts as mentionExportParts, participationParts, requestedTicketParts } from "./export-parts";
import { rolesIn } from "./locate/user-records";
import { TicketReader } from "./locate/ticket-reader";
import type { ZendeskContext } from "./settings";
import { readEnvelope } from "./vendor/read-zendesk-json";
import { isZendeskRecordType, zendeskIdentity, zendeskTicket, zendeskUser, type ZendeskAttachment, type ZendeskComment } from "./vendor/records";
import { mentionParts, pair, single } from "./vendor/refs";
import { authorizationOf, callZendesk, expectStatus, pathId, sameOrigin } from "./vendor/zendesk-request";

/**
 * Each located record as Zendesk holds it: the user (Z5), an identity, a requested ticket with its
 * whole conversation (Z9, Z10), the ticket the person takes part in, a comment they wrote, a
 * comment that mentions them; and the files attached to the person's own comments, streamed from
 * their `content_url`.
 */
export async function* exportRecords(ctx: ZendeskContext, refs: RecordRef[]): AsyncGenerator<ExportItem> {
  const reader = new TicketReader(ctx);
  let gone = 0;
  for (const ref of refs) {
    ctx.signal.throwIfAborted();
    if (!isZendeskRecordType(ref.type)) throw new TypeError(`The Zendesk connector has no record type "${ref.type}"`);
    const items = await exportOne(ctx, reader, ref);
    if (!items) {
      gone++;
      ctx.log.debug("A located record no longer exists", { ref });
      continue;
    }
    yield* items;
  }
  if (gone > 0) ctx.log.info("Some located records were deleted before export", { gone });
}

async function exportOne(ctx: ZendeskContext, reader: TicketReader, ref: RecordRef): Promise<ExportItem[] | undefined> {
  switch (ref.type) {
    case "user": {
      const user = await show(ctx, `/users/${pathId(single(ref))}`, "users.show", "user", zendeskUser);
      return user && [{ kind: "record", ref, data: user }];
    }
    case "identity": {
      const [userId, identityId] = pair(ref);
      const identity = await show(ctx, `/users/${pathId(userId)}/identities/${pathId(identityId)}`, "identities.show", "identity", zendeskIdentity);
      return identity && [{ kind: "record", ref, data: identity }];
    }
    case "ticket": {
      const ticketId = single(ref);
      const ticket = await show(ctx, `/tickets/${pathId(ticketId)}`, "tickets.show", "ticket", zendeskTicket);
      if (!ticket) return undefined;
      const comments = await reader.comments(ticketId);
      return [
        { kind: "record", ref, data: { ticket, comments }, parts: requestedTicketParts(ticket, comments) },
        ...comments.flatMap((c) => files(ctx, ref, c)),
      ];
    }
    case "ticket_participation": {
      const [ticketId, userId] = pair(ref);
      const ticket = await show(ctx, `/tickets/${pathId(ticketId)}`, "tickets.show", "ticket", zendeskTicket);
      return (
        ticket && [
          {
            kind: "record",
            ref,
            data: { ticket_id: ticketId, user_id: userId, roles: rolesIn(ticket, userId), ticket },
            parts: participationParts(ticket, userId),
          },
        ]
      );
    }
    case "comment": {
      const [ticketId, commentId] = pair(ref);
      const comment = (await reader.comments(ticketId)).find((c) => c.id === commentId);
      return comment && [{ kind: "record", ref, data: { ticket_id: ticketId, comment } }, ...files(ctx, ref, comment)];
    }
    default: {
      const { ticketId, commentId } = mentionParts(ref);
      const comment = (await reader.comments(ticketId)).find((c) => c.id === commentId);
      // Someone else's comment: its text names the person; its files are the author's, not theirs.
      return comment && [{ kind: "record", ref, data: { ticket_id: ticketId, comment }, parts: mentionExportParts() }];
    }
  }
}

async function show<T extends z.ZodType>(ctx: ZendeskContext, path: string, route: string, key: string, schema: T): Promise<z.output<T> | undefined> {
  const response = await callZendesk(ctx, { method: "GET", path, route });
  if (response.status === 404) return undefined;
  expectStatus(response, [200], route);
  return readEnvelope(response, key, schema, { route, recordType: key });
}

function files(ctx: ZendeskContext, ref: RecordRef, comment: ZendeskComment): ExportItem[] {
  return comment.attachments.map((attachment) => ({
    kind: "binary",
    ref,
    name: `${attachment.id}-${attachment.file_name.replace(/[/\\]/g, "_")}`,
    contentType: attachment.content_type,
    size: attachment.size,
    content: () => attachmentContent(ctx, attachment),
  }));
}

/*
 * Requested only when the runtime reads the file. A `content_url` on another host (a CDN, an
 * external storage) gets no Zendesk credentials (vendor-apis.md §2.3).
 */
async function* attachmentContent(ctx: ZendeskContext, attachment: ZendeskAttachment): AsyncGenerator<Uint8Array> {
  const route = "attachments.content";
  const response = await ctx.http.request({
    method: "GET",
    url: attachment.content_url,
    headers: sameOrigin(ctx, attachment.content_url) ? { authorization: authorizationOf(ctx) } : {},
    route,
  });
  if (response.status === 404) {
    throw new VendorContractError("An attachment's file is missing although its comment was just read", {
      route,
      recordType: "attachment",
      recordId: String(attachment.id),
    });
  }
  expectStatus(response, [200], route);
  yield* response.stream();
}
