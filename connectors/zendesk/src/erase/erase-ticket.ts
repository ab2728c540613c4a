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

/** Ids per `deleted_tickets/destroy_many` call (Z20). */
const bulkLimit = 100;

/**
 * Several tickets at once: each soft-deleted (`DELETE /tickets/:id`, which also says whether it
 * was there), then those just soft-deleted permanently deleted 100 per `destroy_many` job. A
 * ticket already absent from tickets is asked about alone, as in `eraseTicket`.
 */
export async function eraseTickets(ctx: ZendeskContext, tickets: { ref: RecordRef; ticketId: number }[]): Promise<ErasureReceipt[]> {
  const receipts = new Map<number, ErasureReceipt>();
  const softDeleted: { ref: RecordRef; ticketId: number }[] = [];
  for (const ticket of tickets) {
    ctx.signal.throwIfAborted();
    const route = "tickets.delete";
    const soft = await callZendesk(ctx, { method: "DELETE", path: `/tickets/${pathId(ticket.ticketId)}`, route });
    expectStatus(soft, [204, 404], route);
    if (soft.status === 204) softDeleted.push(ticket);
    else receipts.set(ticket.ticketId, await eraseTicketAbsentFromTickets(ctx, ticket.ref, ticket.ticketId));
  }
  for (let start = 0; start < softDeleted.length; start += bulkLimit) {
    const chunk = softDeleted.slice(start, start + bulkLimit);
    const job = await purgeMany(ctx, chunk.map((ticket) => ticket.ticketId));
    for (const ticket of chunk) {
      const receipt: ErasureReceipt = job
        ? await followJob(ctx, ticket.ref, ticket.ticketId, job, ticket === chunk[0] ? inlinePolls : 0)
        : { ref: ticket.ref, outcome: "erased", detail: "Deleted; deleted tickets no longer held it" };
      receipts.set(ticket.ticketId, receipt);
      // The first ticket's polls settled the job for the whole chunk.
      if (receipt.outcome === "erased" && job) job.status = "completed";
    }
  }
  return tickets.map((ticket) => receipts.get(ticket.ticketId) ?? { ref: ticket.ref, outcome: "already-absent" });
}

async function eraseTicketAbsentFromTickets(ctx: ZendeskContext, ref: RecordRef, ticketId: number): Promise<ErasureReceipt> {
  const job = await purgeTicket(ctx, ticketId);
  if (!job) return { ref, outcome: "already-absent", detail: "Neither among tickets nor among deleted tickets" };
  return followJob(ctx, ref, ticketId, job, inlinePolls);
}

async function purgeMany(ctx: ZendeskContext, ticketIds: number[]): Promise<ZendeskJobStatus | undefined> {
  const route = "deleted_tickets.destroy_many";
  const response = await callZendesk(ctx, { method: "DELETE", path: "/deleted_tickets/destroy_many", query: { ids: ticketIds.join(",") }, route });
  expectStatus(response, [200, 404], route);
  if (response.status === 404) return undefined;
  return readEnvelope(response, "job_status", zendeskJobStatus, { route, recordType: "job_status" });
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
