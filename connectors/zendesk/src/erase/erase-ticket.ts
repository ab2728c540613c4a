import { VendorContractError, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import type { ZendeskContext } from "../settings";
import { z } from "zod";
import { parseRecord, readEnvelope, readJson } from "../vendor/read-zendesk-json";
import { zendeskJobStatus, zendeskTicket, type ZendeskJobStatus } from "../vendor/records";
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

/** Below this many tickets, one soft delete each is cheaper than show_many + a polled bulk job. */
const bulkFrom = 4;

/**
 * Several tickets at once, 100 per chunk. Small chunks: each soft-deleted (`DELETE /tickets/:id`,
 * which also says whether it was there). Larger ones: `GET /tickets/show_many` tells which are
 * there, `DELETE /tickets/destroy_many` soft-deletes them in one job (Z17). Either way, those just
 * soft-deleted are permanently deleted in one `deleted_tickets/destroy_many` job (Z20). A ticket
 * already absent from tickets is asked about alone, as in `eraseTicket`.
 */
export async function eraseTickets(ctx: ZendeskContext, tickets: { ref: RecordRef; ticketId: number }[]): Promise<ErasureReceipt[]> {
  const receipts = new Map<number, ErasureReceipt>();
  for (let start = 0; start < tickets.length; start += bulkLimit) {
    const chunk = tickets.slice(start, start + bulkLimit);
    const softDeleted = chunk.length >= bulkFrom ? await softDeleteInBulk(ctx, chunk, receipts) : await softDeleteEach(ctx, chunk);
    for (const ticket of chunk) {
      if (!receipts.has(ticket.ticketId) && !softDeleted.includes(ticket)) {
        receipts.set(ticket.ticketId, await eraseTicketAbsentFromTickets(ctx, ticket.ref, ticket.ticketId));
      }
    }
    if (softDeleted.length === 0) continue;
    const job = await purgeMany(ctx, softDeleted.map((ticket) => ticket.ticketId));
    for (const ticket of softDeleted) {
      const receipt: ErasureReceipt = job
        ? await followJob(ctx, ticket.ref, ticket.ticketId, job, ticket === softDeleted[0] ? inlinePolls : 0)
        : { ref: ticket.ref, outcome: "erased", detail: "Deleted; deleted tickets no longer held it" };
      receipts.set(ticket.ticketId, receipt);
      // The first ticket's polls settled the job for the whole chunk.
      if (receipt.outcome === "erased" && job) job.status = "completed";
    }
  }
  return tickets.map((ticket) => receipts.get(ticket.ticketId) ?? { ref: ticket.ref, outcome: "already-absent" });
}

type TicketToErase = { ref: RecordRef; ticketId: number };

async function softDeleteEach(ctx: ZendeskContext, chunk: TicketToErase[]): Promise<TicketToErase[]> {
  const deleted: TicketToErase[] = [];
  for (const ticket of chunk) {
    ctx.signal.throwIfAborted();
    const route = "tickets.delete";
    const soft = await callZendesk(ctx, { method: "DELETE", path: `/tickets/${pathId(ticket.ticketId)}`, route });
    expectStatus(soft, [204, 404], route);
    if (soft.status === 204) deleted.push(ticket);
  }
  return deleted;
}

/** The chunk's active tickets soft-deleted by one job; `pending` receipts if the job outlasts the polls. */
async function softDeleteInBulk(ctx: ZendeskContext, chunk: TicketToErase[], receipts: Map<number, ErasureReceipt>): Promise<TicketToErase[]> {
  const ids = chunk.map((ticket) => ticket.ticketId).join(",");
  const showRoute = "tickets.show_many";
  const shown = await callZendesk(ctx, { method: "GET", path: "/tickets/show_many", query: { ids }, route: showRoute });
  expectStatus(shown, [200], showRoute);
  const body = await readJson(shown, showRoute);
  const list = z.looseObject({ tickets: z.array(z.unknown()) }).safeParse(body);
  if (!list.success) throw new VendorContractError(`${showRoute} answered without a "tickets" list`, { route: showRoute, issues: list.error.issues });
  const active = new Set(list.data.tickets.map((item) => parseRecord(item, zendeskTicket, { route: showRoute, recordType: "ticket" }).id));
  const present = chunk.filter((ticket) => active.has(ticket.ticketId));
  if (present.length === 0) return [];
  const route = "tickets.destroy_many";
  const response = await callZendesk(ctx, { method: "DELETE", path: "/tickets/destroy_many", query: { ids: present.map((t) => t.ticketId).join(",") }, route });
  expectStatus(response, [200, 404], route);
  if (response.status === 404) return [];
  let job: ZendeskJobStatus | undefined = await readEnvelope(response, "job_status", zendeskJobStatus, { route, recordType: "job_status" });
  for (let poll = 0; job && job.status !== "completed" && poll < inlinePolls; poll++) job = await pollJob(ctx, job.id);
  if (job?.status === "completed") return present;
  if (job && (job.status === "failed" || job.status === "killed")) {
    throw new VendorContractError(`A bulk ticket deletion job ended "${job.status}"`, { route: "job_statuses.show" });
  }
  for (const ticket of present) {
    receipts.set(ticket.ticketId, {
      ref: ticket.ref,
      outcome: "pending",
      pending: { jobId: `ticket-soft-job:${ticket.ticketId}:${job?.id ?? "gone"}` },
      detail: "Bulk deletion job still running; the permanent deletion follows on confirm",
    });
  }
  return [];
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

export async function pollJob(ctx: ZendeskContext, jobId: string): Promise<ZendeskJobStatus | undefined> {
  const route = "job_statuses.show";
  const response = await callZendesk(ctx, { method: "GET", path: `/job_statuses/${pathId(jobId)}`, route });
  expectStatus(response, [200, 404], route);
  if (response.status === 404) return undefined;
  return readEnvelope(response, "job_status", zendeskJobStatus, { route, recordType: "job_status" });
}

function purged(ref: RecordRef): ErasureReceipt {
  return { ref, outcome: "erased", detail: "Deleted, then permanently deleted from deleted tickets (job completed)" };
}
