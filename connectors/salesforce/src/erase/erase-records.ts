import { VendorContractError, type ErasePlan, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import { z } from "zod";
import { salesforceClient, type SalesforceClient } from "../client/salesforce-client";
import type { SalesforceContext } from "../settings";
import { isSalesforceObject, type SalesforceObject } from "../vendor/records";
import { anonymisedValues, deletionRank } from "./deletion-order";
import { startHardDelete, type HardDeleteOutcome } from "./hard-delete-job";
import { recordPresence } from "./record-presence";
import { redactRecords } from "./redact-plan";

const deleteResults = z.array(
  z.object({ id: z.string().optional(), success: z.boolean(), errors: z.array(z.object({ statusCode: z.string(), message: z.string() })) }),
);

/**
 * Erases by plan. `erase`: delete (composite, ≤200 per call, children first), then remove from
 * the Recycle Bin with a Bulk API 2.0 hardDelete job per object, so that queryAll finds nothing;
 * receipts say `erased` only for ids the job reports removed. `anonymise`: PATCH the personal
 * fields of records that must be kept; records that are nothing but a link to the person are
 * removed as above. Records queryAll no longer knows are `already-absent`, untouched. `redact`
 * (records a legal hold keeps): redact-plan.ts.
 */
export async function* eraseRecords(ctx: SalesforceContext, refs: RecordRef[], plan: ErasePlan): AsyncGenerator<ErasureReceipt> {
  if (plan.action === "redact") {
    // Records a hold keeps (redact-plan.ts); those that are nothing but the subject's data are removed as here.
    yield* redactRecords(ctx, refs, plan, (removable) => removeRecords(ctx, removable, { action: "erase" }));
    return;
  }
  yield* removeRecords(ctx, refs, plan);
}

async function* removeRecords(ctx: SalesforceContext, refs: RecordRef[], plan: { action: "erase" | "anonymise" }): AsyncGenerator<ErasureReceipt> {
  const client = await salesforceClient(ctx);
  const byType = new Map<SalesforceObject, string[]>();
  for (const ref of refs) {
    if (!isSalesforceObject(ref.type)) throw new VendorContractError(`Cannot erase a record of unknown type ${ref.type}`, { recordType: ref.type, recordId: ref.id });
    byType.set(ref.type, [...(byType.get(ref.type) ?? []), ref.id]);
  }
  const types = [...byType.keys()].sort((a, b) => deletionRank(a) - deletionRank(b));

  const toDelete: RecordRef[] = [];
  const inBin: RecordRef[] = [];
  for (const type of types) {
    const ids = byType.get(type) ?? [];
    const where = await recordPresence(client, type, ids);
    for (const id of ids) {
      const place = where.get(id);
      if (!place) {
        yield { ref: { type, id }, outcome: "already-absent", detail: "queryAll no longer finds it" };
        continue;
      }
      if (place === "recycle-bin") inBin.push({ type, id });
      else if (plan.action === "anonymise" && anonymisedValues[type]) {
        yield await anonymise(client, { type, id });
      } else toDelete.push({ type, id });
    }
  }

  const fallBack: RecordRef[] = [];
  for (let i = 0; i < toDelete.length; i += 200) {
    const batch = toDelete.slice(i, i + 200);
    const results = deleteResults.safeParse(
      await client.call("composite.delete", (c) => c.request({ method: "DELETE", url: `/composite/sobjects?ids=${batch.map((ref) => ref.id).join(",")}&allOrNone=false` })),
    );
    if (!results.success || results.data.length !== batch.length) throw new VendorContractError("composite.delete answered results of an undocumented shape", { route: "composite.delete" });
    batch.forEach((ref, index) => {
      const result = results.data[index];
      const code = result?.errors[0]?.statusCode;
      if (result?.success || code === "ENTITY_IS_DELETED") inBin.push(ref);
      // A Contact with Cases that stay (under review) cannot be deleted: keep it, anonymised.
      else if (code === "DELETE_FAILED" && anonymisedValues[ref.type]) fallBack.push(ref);
      else throw new VendorContractError(`composite.delete refused a ${ref.type}: ${code ?? "unknown"}`, { route: "composite.delete", recordType: ref.type, recordId: ref.id });
    });
  }
  for (const ref of fallBack) yield { ...(await anonymise(client, ref)), detail: "could not be deleted (DELETE_FAILED: records still depend on it); anonymised instead" };

  const binByType = new Map<string, string[]>();
  for (const ref of inBin) binByType.set(ref.type, [...(binByType.get(ref.type) ?? []), ref.id]);
  for (const type of [...binByType.keys()].sort((a, b) => deletionRank(a) - deletionRank(b))) {
    const ids = binByType.get(type) ?? [];
    const outcome = await startHardDelete(client, type, ids);
    for (const id of ids) yield receiptFor({ type, id }, outcome);
  }
}

export function receiptFor(ref: RecordRef, outcome: HardDeleteOutcome): ErasureReceipt {
  if (outcome.state === "JobComplete") {
    return outcome.purged.has(ref.id)
      ? { ref, outcome: "erased", detail: `deleted and removed from the Recycle Bin (Bulk API hardDelete job ${outcome.jobId})` }
      : { ref, outcome: "pending", pending: { jobId: outcome.jobId }, detail: "in the Recycle Bin: the hardDelete job did not remove it; Salesforce purges the bin after 15 days" };
  }
  if (outcome.state === "InProgress") return { ref, outcome: "pending", pending: { jobId: outcome.jobId }, detail: "in the Recycle Bin until the hardDelete job completes" };
  return { ref, outcome: "pending", pending: { jobId: outcome.jobId }, detail: `in the Recycle Bin: the hardDelete job ${outcome.state.toLowerCase()} (${outcome.reason}); Salesforce purges the bin after 15 days` };
}

async function anonymise(client: SalesforceClient, ref: RecordRef): Promise<ErasureReceipt> {
  const values = anonymisedValues[ref.type] ?? {};
  await client.call("sobject.patch", (c) => c.request({ method: "PATCH", url: `/sobjects/${ref.type}/${ref.id}`, body: JSON.stringify(values), headers: { "content-type": "application/json" } }));
  return { ref, outcome: "anonymised", detail: `fields blanked: ${Object.keys(values).join(", ")}` };
}
