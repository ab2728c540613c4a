import type { RequestHandler } from "express";
import { baseUrlOf, sendList } from "../http/pagination";
import { sendNotFound } from "../http/zendesk-error";
import type { SandboxState } from "../sandbox-state";
import { jobStatusJson } from "../world/job-queue";
import { iso } from "../world/zendesk-store";

/** `GET /api/v2/deleted_tickets` (Z18): soft-deleted tickets not yet scrubbed. 10 requests a minute. */
export function getDeletedTickets(state: SandboxState): RequestHandler {
  return (req, res) => {
    const deleted = [...state.store.deletedTickets.values()].sort((a, b) => a.deletedAt - b.deletedAt);
    sendList(req, res, "deleted_tickets", deleted, ({ row, deletedAt }) => ({
      id: row.id,
      subject: row.subject,
      description: state.store.commentsOf(row.id)[0]?.body ?? null,
      actor: { id: 0, name: "API" },
      deleted_at: iso(deletedAt),
      previous_state: row.status,
    }));
  };
}

/** `DELETE /api/v2/deleted_tickets/:id` (Z19): queues the permanent deletion, answers its `job_status`. */
export function deleteDeletedTicket(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const id = Number(req.params.id);
    const job = state.store.purgeTicket(id, state.now(), () => state.stats.purged("ticket", String(id)));
    if (!job) return sendNotFound(res);
    res.status(200).json({ job_status: jobStatusJson(baseUrlOf(req), job) });
  };
}

/**
 * `DELETE /api/v2/deleted_tickets/destroy_many?ids=1,2,3` (Z20): permanent deletion of up to 100
 * soft-deleted tickets in one `job_status`. Ids not among deleted tickets are skipped; none at all
 * → 404. More than 100 ids or none → 400.
 */
export function deleteManyDeletedTickets(state: SandboxState): RequestHandler {
  return (req, res) => {
    const raw = (req.query as Record<string, unknown>).ids;
    const ids = typeof raw === "string" ? raw.split(",").map(Number) : [];
    if (ids.length === 0 || ids.length > 100 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
      res.status(400).json({ error: "InvalidParameter", description: "ids must be 1 to 100 comma-separated ticket ids" });
      return;
    }
    const job = state.store.purgeTickets(ids, state.now(), (id) => state.stats.purged("ticket", String(id)));
    if (!job) return sendNotFound(res);
    res.status(200).json({ job_status: jobStatusJson(baseUrlOf(req), job) });
  };
}

/** `GET /api/v2/job_statuses/:id` (Z27): each poll moves the job a step; kept a day after it finishes. */
export function getJobStatus(state: SandboxState): RequestHandler<{ id: string }> {
  return (req, res) => {
    const job = state.store.jobs.poll(req.params.id, state.now());
    if (!job) return sendNotFound(res);
    res.status(200).json({ job_status: jobStatusJson(baseUrlOf(req), job) });
  };
}
