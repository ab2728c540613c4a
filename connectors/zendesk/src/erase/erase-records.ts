import { ConfigurationError, recordKey, type ErasePlan, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import { z } from "zod";
import { TicketReader } from "../locate/ticket-reader";
import type { ZendeskContext } from "../settings";
import { isZendeskRecordType, type ZendeskRecordType } from "../vendor/records";
import { mentionParts, pair, single } from "../vendor/refs";
import { eraseAuthoredComment, eraseMention } from "./erase-comment";
import { eraseIdentity } from "./erase-identity";
import { eraseTicket, eraseTickets } from "./erase-ticket";
import { eraseUser } from "./erase-user";
import { leaveTicket } from "./leave-ticket";
import { redactedInPlace, redactInPlace } from "./redact-in-place";

/**
 * Redactions first (they need the tickets they live in), then the person's place in others'
 * tickets, their own tickets, the user, and identities last (most go with the user).
 */
const phase: Record<ZendeskRecordType, number> = {
  comment_mention: 0,
  comment: 1,
  ticket_participation: 2,
  ticket: 3,
  user: 4,
  identity: 5,
};

const eraseCheckpoint = z.object({ version: z.literal(1), next: z.int().positive(), lastKey: z.string(), action: z.enum(["erase", "redact"]).optional() });

/**
 * Hard erasure by plan (vendor-apis.md §2.7): comments mentioning the person are redacted, comments
 * they wrote in others' tickets redacted whole, they are removed from others' tickets' CCs and
 * followers, their tickets deleted and permanently deleted, the user deleted and permanently
 * deleted. Asynchronous steps (ticket deletion jobs, the deleted user's scrub) may end `pending`;
 * `confirm` settles them.
 *
 * A `redact` plan (records a legal hold keeps, `redactNonEssential`) keeps tickets and comments
 * and redacts the subject's data inside them (redact-in-place.ts). A user, an identity or a place
 * in someone else's ticket is nothing but the subject's data, so the plan removes it as erasure
 * does: a permanently deleted user stays behind as "Permanently Deleted User", which is all the
 * held tickets keep pointing at.
 */
export async function* eraseRecords(ctx: ZendeskContext, refs: RecordRef[], plan: ErasePlan): AsyncGenerator<ErasureReceipt> {
  if (plan.action === "anonymise") {
    throw new ConfigurationError(`The Zendesk connector erases and redacts; it cannot ${plan.action}. Plan "erase" or "redact" for its records`);
  }
  for (const ref of refs) {
    if (!isZendeskRecordType(ref.type)) throw new TypeError(`The Zendesk connector has no record type "${ref.type}"`);
  }
  const ordered = [...refs].sort((a, b) => phase[a.type as ZendeskRecordType] - phase[b.type as ZendeskRecordType]);
  const start = await resumeIndex(ctx, ordered, plan.action);
  const reader = new TicketReader(ctx);
  const users = new Map<number, ErasureReceipt>();
  let tickets: Map<string, ErasureReceipt> | undefined;
  for (const [index, ref] of ordered.entries()) {
    if (index < start) continue;
    ctx.signal.throwIfAborted();
    if (plan.action === "redact" && redactedInPlace.has(ref.type)) {
      yield await redactInPlace(ctx, reader, ref, plan);
      await ctx.checkpoint.save({ version: 1, next: index + 1, lastKey: recordKey(ref), action: plan.action });
      continue;
    }
    if (ref.type === "ticket" && !tickets) {
      // The tickets are contiguous in this order: they are erased together, in bulk.
      const batch = ordered.slice(index).filter((r) => r.type === "ticket");
      const receipts = await eraseTickets(ctx, batch.map((r) => ({ ref: r, ticketId: single(r) })));
      tickets = new Map(receipts.map((receipt) => [recordKey(receipt.ref), receipt]));
    }
    const receipt = tickets?.get(recordKey(ref)) ?? (await eraseOne(ctx, reader, ref, users));
    if (ref.type === "user") users.set(single(ref), receipt);
    yield receipt;
    await ctx.checkpoint.save({ version: 1, next: index + 1, lastKey: recordKey(ref), action: plan.action });
  }
}

async function eraseOne(ctx: ZendeskContext, reader: TicketReader, ref: RecordRef, users: Map<number, ErasureReceipt>): Promise<ErasureReceipt> {
  switch (ref.type) {
    case "comment_mention":
      return eraseMention(ctx, reader, ref, mentionParts(ref));
    case "comment": {
      const [ticketId, commentId] = pair(ref);
      return eraseAuthoredComment(ctx, reader, ref, ticketId, commentId);
    }
    case "ticket_participation": {
      const [ticketId, userId] = pair(ref);
      return leaveTicket(ctx, ref, ticketId, userId);
    }
    case "ticket":
      return eraseTicket(ctx, ref, single(ref));
    case "user":
      return eraseUser(ctx, ref, single(ref));
    default: {
      const [userId, identityId] = pair(ref);
      return eraseIdentity(ctx, ref, userId, identityId, users.get(userId));
    }
  }
}

/* Skips the refs an interrupted run already erased, when it was asked about the same refs by the same plan. */
async function resumeIndex(ctx: ZendeskContext, refs: RecordRef[], action: "erase" | "redact"): Promise<number> {
  const parsed = eraseCheckpoint.safeParse(await ctx.checkpoint.load());
  if (!parsed.success || (parsed.data.action ?? "erase") !== action) return 0;
  const lastDone = refs[parsed.data.next - 1];
  return lastDone && recordKey(lastDone) === parsed.data.lastKey ? parsed.data.next : 0;
}
