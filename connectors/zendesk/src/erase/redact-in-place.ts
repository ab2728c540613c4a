import type { ErasePlan, ErasureReceipt, Identifier, RecordRef } from "@lethe/connector-sdk";
import type { TicketReader } from "../locate/ticket-reader";
import type { ZendeskContext } from "../settings";
import { readEnvelope } from "../vendor/read-zendesk-json";
import { zendeskTicket, type ZendeskComment } from "../vendor/records";
import { mentionParts, pair, single } from "../vendor/refs";
import { callZendesk, expectStatus, pathId } from "../vendor/zendesk-request";
import { isFullyRedacted, redactComment, unredactedFiles } from "./comment-redaction";
import { eraseMention } from "./erase-comment";
import { identifierSpans } from "./identifier-spans";

export type RedactPlan = Extract<ErasePlan, { action: "redact" }>;

/** The record types a redact plan keeps, redacting the subject's data inside them. */
export const redactedInPlace = new Set(["ticket", "comment", "comment_mention"]);

/**
 * One record a legal hold keeps (`redactNonEssential`): the record stays, the subject's data in it
 * goes, through the comment-redaction API (Z12), which also works on closed and archived tickets.
 * Redacted text cannot be found or redacted again, so a repeat changes nothing and makes no
 * redaction call; the receipt still says `redacted`, because the record is kept in that state.
 */
export async function redactInPlace(ctx: ZendeskContext, reader: TicketReader, ref: RecordRef, plan: RedactPlan): Promise<ErasureReceipt> {
  switch (ref.type) {
    case "ticket":
      return redactTicket(ctx, reader, ref, single(ref), plan);
    case "comment": {
      const [ticketId, commentId] = pair(ref);
      return redactAuthoredComment(ctx, reader, ref, ticketId, commentId, plan);
    }
    case "comment_mention": {
      const receipt = await eraseMention(ctx, reader, ref, mentionParts(ref));
      // The comment is another person's and stays; what named the subject in it is ▇.
      return receipt.outcome === "erased" ? { ...receipt, outcome: "redacted" } : receipt;
    }
    default:
      throw new TypeError(`A redact plan does not keep "${ref.type}" records in place`);
  }
}

/**
 * A held ticket the subject requested: kept, with every place its comments write one of the
 * subject's identifiers redacted — in everyone's comments, so a bystander's words stay but not the
 * subject's address in them. Scope `whole-party` also redacts, whole, the text and files of every
 * comment the subject wrote (the requester, or a user the plan names by `native_id`). The
 * requester link and the subject line are the ticket's own fields, which comment redaction does
 * not reach; the link points at "Permanently Deleted User" once the user is erased.
 */
async function redactTicket(ctx: ZendeskContext, reader: TicketReader, ref: RecordRef, ticketId: number, plan: RedactPlan): Promise<ErasureReceipt> {
  const route = "tickets.show";
  const shown = await callZendesk(ctx, { method: "GET", path: `/tickets/${pathId(ticketId)}`, route });
  expectStatus(shown, [200, 404], route);
  if (shown.status === 404) return { ref, outcome: "already-absent", detail: "The ticket no longer exists" };
  const ticket = await readEnvelope(shown, "ticket", zendeskTicket, { route, recordType: "ticket" });
  const party = plan.scope === "whole-party" ? new Set([ticket.requester_id, ...zendeskUserIds(plan.identifiers)]) : new Set<number>();
  let whole = 0;
  let partly = 0;
  for (const comment of await reader.comments(ticketId)) {
    ctx.signal.throwIfAborted();
    if (party.has(comment.author_id)) {
      if (await redactWhole(ctx, ticketId, comment)) whole++;
    } else if (await redactComment(ctx, ticketId, comment, identifierSpans(comment.body, plan.identifiers))) partly++;
  }
  reader.forget(ticketId);
  const subjectLine = ticket.subject && identifierSpans(ticket.subject, plan.identifiers).length > 0;
  const done =
    whole + partly === 0
      ? "nothing of the subject was left to redact"
      : [whole > 0 ? `${whole} comment(s) the subject wrote redacted whole` : "", partly > 0 ? `the subject's identifiers redacted in ${partly} comment(s)` : ""].filter(Boolean).join("; ");
  return {
    ref,
    outcome: "redacted",
    detail: `Ticket kept under the hold (${ticket.status}); ${done}${subjectLine ? "; its subject line still writes an identifier, which comment redaction cannot reach" : ""}`,
  };
}

/**
 * A comment the subject wrote in someone else's ticket, under a hold: scope `personal-data`
 * redacts the identifiers it writes and keeps the rest of their words; `whole-party` redacts all
 * of its text and files, as erasure does.
 */
async function redactAuthoredComment(
  ctx: ZendeskContext,
  reader: TicketReader,
  ref: RecordRef,
  ticketId: number,
  commentId: number,
  plan: RedactPlan,
): Promise<ErasureReceipt> {
  const comment = (await reader.comments(ticketId)).find((c) => c.id === commentId);
  if (!comment) return { ref, outcome: "already-absent", detail: "The comment no longer exists" };
  const changed =
    plan.scope === "whole-party" ? await redactWhole(ctx, ticketId, comment) : await redactComment(ctx, ticketId, comment, identifierSpans(comment.body, plan.identifiers));
  reader.forget(ticketId);
  const what = plan.scope === "whole-party" ? "its text and files" : "the subject's identifiers in it";
  return { ref, outcome: "redacted", detail: changed ? `Comment kept; ${what} redacted (▇)` : `Comment kept; ${what} already redacted` };
}

async function redactWhole(ctx: ZendeskContext, ticketId: number, comment: ZendeskComment): Promise<boolean> {
  if (isFullyRedacted(comment)) return false;
  return redactComment(ctx, ticketId, comment, [{ start: 0, end: comment.body.length }], unredactedFiles(comment));
}

/** The plan's Zendesk user ids (`native_id`, system `zendesk` or unnamed). */
function zendeskUserIds(identifiers: readonly Identifier[]): number[] {
  return identifiers
    .filter((identifier) => identifier.kind === "native_id" && (identifier.system === undefined || identifier.system === "zendesk"))
    .map((identifier) => Number(identifier.value))
    .filter((id) => Number.isSafeInteger(id) && id > 0);
}
