import type { ZendeskContext } from "../settings";
import type { ZendeskComment } from "../vendor/records";
import { callZendesk, expectStatus, pathId } from "../vendor/zendesk-request";
import { redactionHtml, type TextSpan } from "./redaction-markup";

/** U+2587: what Zendesk leaves in place of each redacted character. */
export const redactedCharacter = "\u2587";

/** Nothing of the text left but ▇ and line breaks, and every file replaced by `redacted.txt`. */
export function isFullyRedacted(comment: ZendeskComment): boolean {
  return [...comment.body].every((c) => c === redactedCharacter || c === "\n") && unredactedFiles(comment).length === 0;
}

export function unredactedFiles(comment: ZendeskComment): string[] {
  return comment.attachments.filter((a) => !(a.file_name === "redacted.txt" && a.size === 0)).map((a) => a.content_url);
}

/**
 * `PUT /api/v2/comment_redactions/:id` (Z12): the endpoint Zendesk recommends, which also works on
 * closed and archived tickets (the legacy one fails there). Spans already redacted are left out;
 * false when there was nothing left to redact.
 */
export async function redactComment(
  ctx: ZendeskContext,
  ticketId: number,
  comment: ZendeskComment,
  spans: readonly TextSpan[],
  files: readonly string[] = [],
): Promise<boolean> {
  const live = spans.filter((span) => [...comment.body.slice(span.start, span.end)].some((c) => c !== redactedCharacter && c !== "\n"));
  if (live.length === 0 && files.length === 0) return false;
  const route = "comment_redactions.update";
  const response = await callZendesk(ctx, {
    method: "PUT",
    path: `/comment_redactions/${pathId(comment.id)}`,
    body: {
      ticket_id: ticketId,
      ...(live.length > 0 ? { html_body: redactionHtml(comment.html_body, comment.body, live) } : {}),
      ...(files.length > 0 ? { external_attachment_urls: [...files] } : {}),
    },
    route,
  });
  expectStatus(response, [200], route);
  return true;
}
