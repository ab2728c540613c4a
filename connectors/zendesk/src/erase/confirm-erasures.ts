import type { ErasureReceipt } from "@lethe/connector-sdk";
import type { ZendeskContext } from "../settings";
import { followJob, pollJob, purgeTicket } from "./erase-ticket";
import { scrubState } from "./erase-user";

/**
 * Settles `pending` receipts: a ticket's permanent-deletion job (polled once more; a job status
 * Zendesk has forgotten is settled by asking deleted tickets again), a deleted user's scrub.
 */
export async function* confirmErasures(ctx: ZendeskContext, pending: ErasureReceipt[]): AsyncGenerator<ErasureReceipt> {
  for (const receipt of pending) {
    ctx.signal.throwIfAborted();
    const jobId = receipt.pending?.jobId ?? "";
    const ticketJob = /^ticket-job:(\d+):([A-Za-z0-9]+)$/.exec(jobId);
    const deletedUser = /^deleted-user:(\d+)$/.exec(jobId);
    const softJob = /^ticket-soft-job:(\d+):([A-Za-z0-9]+)$/.exec(jobId);
    if (softJob?.[1] && softJob[2]) {
      const ticketId = Number(softJob[1]);
      const soft = softJob[2] === "gone" ? undefined : await pollJob(ctx, softJob[2]);
      if (soft && soft.status !== "completed") {
        yield receipt;
        continue;
      }
      // Soft deletion done (or its status forgotten): the permanent step, as for a single ticket.
      const purge = await purgeTicket(ctx, ticketId);
      yield purge
        ? await followJob(ctx, receipt.ref, ticketId, purge, 1)
        : { ref: receipt.ref, outcome: "erased", detail: "Deleted in bulk; no longer among tickets or deleted tickets" };
    } else if (ticketJob?.[1] && ticketJob[2]) {
      yield await followJob(ctx, receipt.ref, Number(ticketJob[1]), { id: ticketJob[2], job_type: null, status: "queued", message: null, results: null }, 1);
    } else if (deletedUser?.[1]) {
      yield await scrubState(ctx, receipt.ref, Number(deletedUser[1]), true);
    } else {
      yield receipt;
    }
  }
}
