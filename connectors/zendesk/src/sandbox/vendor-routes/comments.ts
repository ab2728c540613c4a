import type { RequestHandler } from "express";
import { z } from "zod";
import { baseUrlOf, sendList } from "../http/pagination";
import { sendNotFound, sendRecordInvalid } from "../http/zendesk-error";
import type { SandboxState } from "../sandbox-state";
import { applyMask, readRedactionMarkup, redactText } from "../world/comment-redaction";
import { attachmentUrl, commentJson } from "../world/json-shapes";

/** `GET /api/v2/tickets/:id/comments` (Z10): oldest first (`sort=-created_at` newest first). */
export function getComments(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const ticket = state.store.tickets.get(Number(req.params.id));
    if (!ticket) return sendNotFound(res);
    const comments = [...state.store.commentsOf(ticket.id)];
    const query = req.query as Record<string, unknown>;
    if (query.sort === "-created_at" || query.sort_order === "desc") comments.reverse();
    sendList(req, res, "comments", comments, (comment) => commentJson(baseUrlOf(req), comment));
  };
}

const redactionBody = z.object({
  ticket_id: z.number().int(),
  html_body: z.string().optional(),
  external_attachment_urls: z.array(z.string()).optional(),
});

/**
 * `PUT /api/v2/comment_redactions/:commentId` (Z12): the comment's HTML with `<redact>` tags around
 * what goes, and/or attachment URLs to replace with an empty `redacted.txt`. Works on closed tickets.
 */
export function putCommentRedaction(state: SandboxState): RequestHandler<{ commentId: string }> {
  return (req, res) => {
    const parsed = redactionBody.safeParse(req.body);
    if (!parsed.success) return sendRecordInvalid(res, "ticket_id", "ticket_id is required", "BlankValue");
    const comment = state.store.commentsOf(parsed.data.ticket_id).find((c) => c.id === Number(req.params.commentId));
    if (!state.store.tickets.has(parsed.data.ticket_id) || !comment) return sendNotFound(res);
    const { html_body: htmlBody, external_attachment_urls: urls = [] } = parsed.data;
    if (htmlBody === undefined && urls.length === 0) return sendRecordInvalid(res, "base", "Nothing to redact");
    const base = baseUrlOf(req);
    const attachments = urls.map((url) => comment.attachments.find((a) => attachmentUrl(base, a) === url));
    if (attachments.some((a) => a === undefined)) return sendRecordInvalid(res, "external_attachment_urls", "No such attachment on this comment");
    const markup = htmlBody === undefined ? undefined : readRedactionMarkup(htmlBody, comment.body);
    if (markup && !markup.ok) return sendRecordInvalid(res, "html_body", markup.reason);
    if (state.store.redactionsToIgnore > 0) {
      // The oracle's fault: a redaction the vendor acknowledges and silently does not apply.
      state.store.redactionsToIgnore--;
      return res.status(200).json({ comment: commentJson(base, comment) });
    }
    if (markup?.ok) comment.body = applyMask(comment.body, markup.mask);
    for (const attachment of attachments) if (attachment) attachment.redacted = true;
    res.status(200).json({ comment: commentJson(base, comment) });
  };
}

/** `PUT /api/v2/tickets/:id/comments/:commentId/redact` `{ "text" }` (Z13, legacy): fails on closed tickets. */
export function putLegacyRedaction(state: SandboxState): RequestHandler<{ id: string; commentId: string }> {
  return (req, res) => {
    const ticket = state.store.tickets.get(Number(req.params.id));
    const comment = state.store.commentsOf(Number(req.params.id)).find((c) => c.id === Number(req.params.commentId));
    if (!ticket || !comment) return sendNotFound(res);
    const text = z.object({ text: z.string() }).safeParse(req.body);
    if (!text.success) return sendRecordInvalid(res, "text", "text is required", "BlankValue");
    if (ticket.status === "closed") return sendRecordInvalid(res, "status", "Closed tickets cannot be redacted with this endpoint");
    const redacted = redactText(comment.body, text.data.text);
    if (redacted === undefined) return sendRecordInvalid(res, "text", "The text was not found in the comment");
    comment.body = redacted;
    res.status(200).json({ comment: commentJson(baseUrlOf(req), comment) });
  };
}

/** `GET /attachments/token/:token/?name=…`: the file a `content_url` points at. */
export function getAttachmentContent(state: SandboxState): RequestHandler<{ token: string }> {
  return (req, res) => {
    for (const comments of state.store.comments.values()) {
      for (const comment of comments) {
        const attachment = comment.attachments.find((a) => a.token === req.params.token);
        if (!attachment) continue;
        const bytes = attachment.redacted ? new Uint8Array() : attachment.bytes;
        res.status(200).type(attachment.redacted ? "text/plain" : attachment.content_type).send(Buffer.from(bytes));
        return;
      }
    }
    sendNotFound(res);
  };
}
