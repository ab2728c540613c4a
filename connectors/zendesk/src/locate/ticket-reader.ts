import type { ZendeskContext } from "../settings";
import { cursorList } from "../vendor/pages";
import { zendeskComment, type ZendeskComment } from "../vendor/records";
import { pathId } from "../vendor/zendesk-request";

/**
 * A ticket's comments (Z10, cursor pages of 100), each ticket read once per locate however many
 * of the subject's users and identifiers lead to it.
 */
export class TicketReader {
  private readonly cache = new Map<number, ZendeskComment[]>();

  constructor(private readonly ctx: ZendeskContext) {}

  /** After a redaction: the next read fetches the comments again. */
  forget(ticketId: number): void {
    this.cache.delete(ticketId);
  }

  async comments(ticketId: number): Promise<ZendeskComment[]> {
    const cached = this.cache.get(ticketId);
    if (cached) return cached;
    this.ctx.signal.throwIfAborted();
    const comments =
      (await cursorList(this.ctx, {
        path: `/tickets/${pathId(ticketId)}/comments`,
        key: "comments",
        schema: zendeskComment,
        source: { route: "tickets.comments", recordType: "comment" },
      })) ?? [];
    this.cache.set(ticketId, comments);
    return comments;
  }
}
