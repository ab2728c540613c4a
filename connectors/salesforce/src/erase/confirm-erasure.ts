import type { ErasureReceipt } from "@lethe/connector-sdk";
import { salesforceClient } from "../client/salesforce-client";
import type { SalesforceContext } from "../settings";
import { isSalesforceObject } from "../vendor/records";
import { hardDeleteStatus, type HardDeleteOutcome } from "./hard-delete-job";
import { receiptFor } from "./erase-records";
import { recordPresence } from "./record-presence";

/**
 * Looks again at pending erasures: once queryAll no longer finds a record (the job removed it,
 * or the Recycle Bin expired) it is `erased`; otherwise the job's state decides.
 */
export async function* confirmErasure(ctx: SalesforceContext, pending: ErasureReceipt[]): AsyncGenerator<ErasureReceipt> {
  const client = await salesforceClient(ctx);
  const jobs = new Map<string, HardDeleteOutcome>();
  for (const receipt of pending) {
    const { ref } = receipt;
    if (!isSalesforceObject(ref.type)) continue;
    const where = await recordPresence(client, ref.type, [ref.id]);
    if (!where.has(ref.id)) {
      yield { ref, outcome: "erased", detail: "queryAll no longer finds it (removed from the Recycle Bin)" };
      continue;
    }
    const jobId = receipt.pending?.jobId;
    if (!jobId) {
      yield receipt;
      continue;
    }
    const outcome = jobs.get(jobId) ?? (await hardDeleteStatus(client, jobId));
    jobs.set(jobId, outcome);
    yield receiptFor(ref, outcome);
  }
}
