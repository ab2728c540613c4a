import { VendorContractError, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import { z } from "zod";
import type { ReferenceContext } from "./settings";
import { readRecord } from "./vendor/read-vendor-json";
import { collectionOf, isReferenceRecordType } from "./vendor/records";
import { callVendor, expectStatus, pathId } from "./vendor/vendor-request";

/* Every record type answers a PATCH with the record, which carries the flag. */
const restrictedFlag = z.looseObject({ id: z.string().min(1), restricted: z.boolean() });

/**
 * Sets (or lifts) Reference CRM's processing-restriction flag on each record with
 * `PATCH /api/{collection}/:id` `{ "restricted": true|false }` (API.md, "Restricting processing"),
 * and checks the answer carries the flag as asked. Setting a flag is idempotent, so an interrupted
 * run simply repeats the records the runtime has no receipt for. A record gone is `already-absent`.
 */
export async function* restrictRecords(
  ctx: ReferenceContext,
  refs: RecordRef[],
  restriction: { lift: boolean },
): AsyncGenerator<ErasureReceipt> {
  const restricted = !restriction.lift;
  for (const ref of refs) {
    ctx.signal.throwIfAborted();
    if (!isReferenceRecordType(ref.type)) {
      throw new TypeError(`The reference connector has no record type "${ref.type}"`);
    }
    const route = `${collectionOf[ref.type]}.update`;
    const response = await callVendor(ctx, {
      method: "PATCH",
      path: `/api/${collectionOf[ref.type]}/${pathId(ref.id)}`,
      body: { restricted },
      route,
    });
    if (response.status === 404) {
      yield { ref, outcome: "already-absent", detail: "No such active record to flag" };
      continue;
    }
    expectStatus(response, [200], route);
    const record = await readRecord(response, restrictedFlag, { route, recordType: ref.type });
    if (record.restricted !== restricted) {
      throw new VendorContractError(`${route} answered 200 with the restriction flag unchanged`, {
        route,
        recordType: ref.type,
        recordId: ref.id,
      });
    }
    yield restricted
      ? { ref, outcome: "restricted", detail: "Flagged restricted from processing" }
      : { ref, outcome: "unrestricted", detail: "Restriction of processing lifted" };
  }
}
