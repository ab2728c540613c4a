import type { ErasureReceipt, RecordRef } from "@lethe/connector-sdk";
import type { TicketReader } from "../locate/ticket-reader";
import type { ZendeskContext } from "../settings";
import { mentionedIdentifiers, mentionKey } from "../vendor/mentions";
import { isFullyRedacted, redactComment, unredactedFiles } from "./comment-redaction";

/**
 * A comment the person wrote in someone else's ticket: its whole text and its files are redacted
 * (comment redactions, Z12). The comment stays in the conversation as ▇▇▇, which is all the
 * ticket's owner keeps of it.
 */
export async function eraseAuthoredComment(
  ctx: ZendeskContext,
  reader: TicketReader,
  ref: RecordRef,
  ticketId: number,
  commentId: number,
): Promise<ErasureReceipt> {
  const comment = (await reader.comments(ticketId)).find((c) => c.id === commentId);
  if (!comment || isFullyRedacted(comment)) return { ref, outcome: "already-absent", detail: "Nothing of the comment is left to redact" };
  await redactComment(ctx, ticketId, comment, [{ start: 0, end: comment.body.length }], unredactedFiles(comment));
  reader.forget(ticketId);
  return { ref, outcome: "erased", detail: "The comment's text and files were redacted (▇); the comment belongs to another person's ticket" };
}

/**
 * The person's e-mail address or phone number in another person's comment: every place the text
 * writes the identifier the ref's key stands for is redacted, the rest of the comment kept. The
 * mention, which is the located record, no longer exists.
 */
export async function eraseMention(
  ctx: ZendeskContext,
  reader: TicketReader,
  ref: RecordRef,
  mention: { ticketId: number; commentId: number; key: string },
): Promise<ErasureReceipt> {
  const comment = (await reader.comments(mention.ticketId)).find((c) => c.id === mention.commentId);
  const spans = comment ? mentionedIdentifiers(comment.body).filter((m) => mentionKey(m.kind, m.value) === mention.key) : [];
  if (!comment || spans.length === 0) return { ref, outcome: "already-absent", detail: "The comment no longer mentions the person" };
  await redactComment(ctx, mention.ticketId, comment, spans);
  reader.forget(mention.ticketId);
  return { ref, outcome: "erased", detail: `Redacted ${spans.length} mention(s) in another person's comment; the rest of the comment is kept` };
}
