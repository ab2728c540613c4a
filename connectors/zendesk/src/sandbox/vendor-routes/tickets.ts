import type { Request, RequestHandler } from "express";
import { z } from "zod";
import { baseUrlOf, sendList } from "../http/pagination";
import { sendNotFound, sendRecordInvalid } from "../http/zendesk-error";
import type { SandboxState } from "../sandbox-state";
import { ticketJson } from "../world/json-shapes";
import type { TicketRow } from "../world/rows";
import { jobStatusJson } from "../world/job-queue";
import { iso } from "../world/zendesk-store";

type IdParams = { id: string };

export function renderTicket(state: SandboxState, req: Request, ticket: TicketRow) {
  return ticketJson(baseUrlOf(req), ticket, state.store.commentsOf(ticket.id)[0]?.body ?? null);
}

/** `GET /api/v2/tickets`: every active ticket. */
export function getTickets(state: SandboxState): RequestHandler {
  return (req, res) => sendList(req, res, "tickets", [...state.store.tickets.values()], (t) => renderTicket(state, req, t));
}

/** `GET /api/v2/tickets/:id` (Z9): 404 once deleted. */
export function getTicket(state: SandboxState): RequestHandler<IdParams> {
  return (req, res) => {
    const ticket = state.store.tickets.get(Number(req.params.id));
    if (!ticket) return sendNotFound(res);
    res.status(200).json({ ticket: renderTicket(state, req, ticket) });
  };
}

/**
 * `GET /api/v2/users/:id/tickets/requested|ccd|followed` (Z7): the user's tickets by role, cursor
 * or offset pages, oldest first. 404 for an unknown user. `ccd` lists the tickets whose
 * `collaborator_ids` hold the user: e-mail CCs and followers alike (⚠ FIDELITY.md).
 */
export function getUserTickets(state: SandboxState, role: "requested" | "ccd" | "followed"): RequestHandler<IdParams> {
  return (req, res) => {
    const userId = Number(req.params.id);
    if (!state.store.users.has(userId)) return sendNotFound(res);
    const tickets = [...state.store.tickets.values()].filter((ticket) =>
      role === "requested" ? ticket.requester_id === userId : role === "ccd" ? ticket.email_cc_ids.includes(userId) || ticket.follower_ids.includes(userId) : ticket.follower_ids.includes(userId),
    );
    sendList(req, res, "tickets", tickets, (t) => renderTicket(state, req, t));
  };
}

const participantChange = z.array(z.object({ user_id: z.number().int(), action: z.enum(["put", "delete"]).optional() }));
const newComment = z.object({ body: z.string().min(1), public: z.boolean().optional(), author_id: z.number().int().positive().optional() });
const ticketUpdate = z.object({
  ticket: z.looseObject({ email_ccs: participantChange.optional(), followers: participantChange.optional(), comment: newComment.optional() }),
});

/**
 * `PUT /api/v2/tickets/:id` with `email_ccs` / `followers` changes (`{"user_id", "action": "delete"}`)
 * and a new `comment` (`{"body", "public", "author_id"}`; the author defaults to the assignee), the
 * updates the sandbox models. Closed tickets cannot be updated (422).
 */
export function putTicket(state: SandboxState): RequestHandler<IdParams> {
  return (req, res) => {
    const ticket = state.store.tickets.get(Number(req.params.id));
    if (!ticket) return sendNotFound(res);
    const parsed = ticketUpdate.safeParse(req.body);
    if (!parsed.success) return sendRecordInvalid(res, "base", "The ticket update could not be read");
    if (ticket.status === "closed") return sendRecordInvalid(res, "status", "Status: closed prevents ticket update");
    const comment = parsed.data.ticket.comment;
    const authorId = comment?.author_id ?? ticket.assignee_id ?? ticket.requester_id;
    if (comment && !state.store.users.has(authorId)) return sendRecordInvalid(res, "author_id", "The comment's author is not a user of this account");
    const apply = (ids: number[], changes: z.output<typeof participantChange> | undefined) => {
      let next = [...ids];
      for (const change of changes ?? []) {
        next = next.filter((id) => id !== change.user_id);
        if (change.action !== "delete") next.push(change.user_id);
      }
      return next;
    };
    ticket.email_cc_ids = apply(ticket.email_cc_ids, parsed.data.ticket.email_ccs);
    ticket.follower_ids = apply(ticket.follower_ids, parsed.data.ticket.followers);
    ticket.updated_at = iso(state.now());
    if (comment) state.store.addComment(ticket.id, { author_id: authorId, public: comment.public ?? true, body: comment.body, created_at: ticket.updated_at });
    res.status(200).json({ ticket: renderTicket(state, req, ticket), audit: { id: ticket.id * 1000 + 1, ticket_id: ticket.id, created_at: ticket.updated_at } });
  };
}

/** `ids=1,2,3` of a bulk call: 1 to 100 positive ids, or undefined. */
export function readIds(raw: unknown): number[] | undefined {
  const ids = typeof raw === "string" ? raw.split(",").map(Number) : [];
  return ids.length === 0 || ids.length > 100 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0) ? undefined : ids;
}

/** `GET /api/v2/tickets/show_many?ids=` (Z9): the active tickets among up to 100 ids. */
export function getTicketsShowMany(state: SandboxState): RequestHandler {
  return (req, res) => {
    const ids = readIds((req.query as Record<string, unknown>).ids);
    if (!ids) {
      res.status(400).json({ error: "InvalidParameter", description: "ids must be 1 to 100 comma-separated ticket ids" });
      return;
    }
    const tickets = ids.flatMap((id) => state.store.tickets.get(id) ?? []);
    res.status(200).json({ tickets: tickets.map((t) => renderTicket(state, req, t)), next_page: null, previous_page: null, count: tickets.length });
  };
}

/** `DELETE /api/v2/tickets/destroy_many?ids=` (Z17): soft deletion of up to 100 tickets as a `job_status`. */
export function deleteManyTickets(state: SandboxState): RequestHandler {
  return (req, res) => {
    const ids = readIds((req.query as Record<string, unknown>).ids);
    if (!ids) {
      res.status(400).json({ error: "InvalidParameter", description: "ids must be 1 to 100 comma-separated ticket ids" });
      return;
    }
    const job = state.store.softDeleteTickets(ids, state.now());
    if (!job) return sendNotFound(res);
    res.status(200).json({ job_status: jobStatusJson(baseUrlOf(req), job) });
  };
}

/** `DELETE /api/v2/tickets/:id` (Z16): soft delete → 204; the ticket moves to deleted tickets. */
export function deleteTicket(state: SandboxState): RequestHandler<IdParams> {
  return (req, res) => {
    if (!state.store.softDeleteTicket(Number(req.params.id), state.now())) return sendNotFound(res);
    res.status(204).end();
  };
}
