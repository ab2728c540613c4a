import { VendorContractError, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import type { ZendeskContext } from "../settings";
import { readEnvelope } from "../vendor/read-zendesk-json";
import { zendeskJobStatus, type ZendeskJobStatus } from "../vendor/records";
import { callZendesk, expectStatus, pathId } from "../vendor/zendesk-request";

/** Polls made inline before handing a still-running job to `confirm`. */
const inlinePolls = 2;

/**
 * A ticket the person requested: `DELETE /tickets/:id` (soft, Z16), then `DELETE
 * /deleted_tickets/:id` (permanent, Z19), which answers a `job_status` that is polled (Z27). Both
 * deletes answer 404 for what is not there, so a repeat is safe: 404 then a job means an earlier
 * run left the ticket among deleted tickets; 404 twice means it is gone.
 */
export async function eraseTicket(ctx: ZendeskContext, ref: RecordRef, ticketId: number): Promise<ErasureReceipt> {
  const softRoute = "tickets.delete";
  const soft = await callZendesk(ctx, { method: "DELETE", path: `/tickets/${pathId(ticketId)}`, route: softRoute });
  expectStatus(soft, [204, 404], softRoute);
  const job = await purgeTicket(ctx, ticketId);
  if (!job) {
    return soft.status === 204
      ? { ref, outcome: "erased", detail: "Deleted; deleted tickets no longer held it" }
      : { ref, outcome: "already-absent", detail: "Neither among tickets nor among deleted tickets" };
  }
  return followJob(ctx, ref, ticketId, job, inlinePolls);
}

/** `DELETE /deleted_tickets/:id`: its job, or undefined when deleted tickets hold no such ticket. */
export async function purgeTicket(ctx: ZendeskContext, ticketId: number): Promise<ZendeskJobStatus | undefined> {
  const route = "deleted_tickets.delete";
  const response = await callZendesk(ctx, { method: "DELETE", path: `/deleted_tickets/${pathId(ticketId)}`, route });
  expectStatus(response, [200, 404], route);
  if (response.status === 404) return undefined;
  return readEnvelope(response, "job_status", zendeskJobStatus, { route, recordType: "job_status" });
}

/** Polls the job up to `polls` times: erased once completed, else pending for `confirm`. */
export async function followJob(
  ctx: ZendeskContext,
  ref: RecordRef,
  ticketId: number,
  job: ZendeskJobStatus,
  polls: number,
): Promise<ErasureReceipt> {
  let current: ZendeskJobStatus | undefined = job;
  for (let poll = 0; current.status !== "completed" && poll < polls; poll++) {
    ctx.signal.throwIfAborted();
    current = await pollJob(ctx, current.id);
    if (!current) {
      // Job statuses are kept a day: a forgotten job is settled by asking deleted tickets again.
      const again = await purgeTicket(ctx, ticketId);
      if (!again) return purged(ref);
      current = again;
    }
  }
  if (current.status === "completed") return purged(ref);
  if (current.status === "failed" || current.status === "killed") {
    throw new VendorContractError(`The permanent deletion job of a ticket ended "${current.status}"`, { route: "job_statuses.show", recordType: "ticket", recordId: String(ticketId) });
  }
  return { ref, outcome: "pending", pending: { jobId: `ticket-job:${ticketId}:${current.id}` }, detail: `Permanent deletion job ${current.status}` };
}

async function pollJob(ctx: ZendeskContext, jobId: string): Promise<ZendeskJobStatus | undefined> {
  const route = "job_statuses.show";
  const response = await callZendesk(ctx, { method: "GET", path: `/job_statuses/${pathId(jobId)}`, route });
  expectStatus(response, [200, 404], route);
  if (response.status === 404) return undefined;
  return readEnvelope(response, "job_status", zendeskJobStatus, { route, recordType: "job_status" });
}

function purged(ref: RecordRef): ErasureReceipt {
  return { ref, outcome: "erased", detail: "Deleted, then permanently deleted from deleted tickets (job completed)" };
}
