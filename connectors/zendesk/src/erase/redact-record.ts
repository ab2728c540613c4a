import type { ErasureReceipt, RecordRef, RedactionSpan } from "@lethe/connector-sdk";
import { TicketReader } from "../locate/ticket-reader";
import type { ZendeskContext } from "../settings";
import { mentionParts, pair } from "../vendor/refs";
import { redactComment } from "./comment-redaction";

/** The comment fields spans may address: its text, in plain-text offsets (UTF-16 code units). */
const textFields = new Set(["body", "plain_body"]);

/**
 * `redact(ctx, ref, spans)`: removes parts of a comment's text (a `comment` or `comment_mention`
 * ref) with the comment-redaction API, which works on closed tickets too. Each redacted character
 * becomes ▇; the rest of the comment is kept.
 */
export async function redactRecord(ctx: ZendeskContext, ref: RecordRef, spans: RedactionSpan[]): Promise<ErasureReceipt> {
  if (ref.type !== "comment" && ref.type !== "comment_mention") {
    throw new TypeError(`Only comments can be redacted in part; "${ref.type}" records are erased whole`);
  }
  const [ticketId, commentId] = ref.type === "comment" ? pair(ref) : [mentionParts(ref).ticketId, mentionParts(ref).commentId];
  const textSpans = spans.map((span) => {
    if (span.kind !== "text" || !textFields.has(span.field) || span.start < 0 || span.end <= span.start) {
      throw new TypeError(`A Zendesk comment takes text spans on "body" with 0 ≤ start < end; got ${span.kind} on "${"field" in span ? span.field : "audio"}"`);
    }
    return { start: span.start, end: span.end };
  });
  const comment = (await new TicketReader(ctx).comments(ticketId)).find((c) => c.id === commentId);
  if (!comment) return { ref, outcome: "already-absent", detail: "The comment no longer exists" };
  if (textSpans.some((span) => span.end > comment.body.length)) {
    throw new TypeError(`A span ends past the comment's text (${comment.body.length} characters)`);
  }
  const changed = await redactComment(ctx, ticketId, comment, textSpans);
  return changed
    ? { ref, outcome: "redacted", detail: `${textSpans.length} span(s) of the comment's text redacted (▇)` }
    : { ref, outcome: "already-absent", detail: "The spans were already redacted" };
}
