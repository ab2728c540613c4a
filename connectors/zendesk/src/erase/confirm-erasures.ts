import type { ErasureReceipt } from "@lethe/connector-sdk";
import type { ZendeskContext } from "../settings";
import { followJob } from "./erase-ticket";
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
    if (ticketJob?.[1] && ticketJob[2]) {
      yield await followJob(ctx, receipt.ref, Number(ticketJob[1]), { id: ticketJob[2], job_type: null, status: "queued", message: null, results: null }, 1);
    } else if (deletedUser?.[1]) {
      yield await scrubState(ctx, receipt.ref, Number(deletedUser[1]), true);
    } else {
      yield receipt;
    }
  }
}
