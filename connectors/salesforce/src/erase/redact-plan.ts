import { VendorContractError, type ErasureReceipt, type RecordRef } from "@lethe/connector-sdk";
import { salesforceClient } from "../client/salesforce-client";
import type { SalesforceContext } from "../settings";
import { isSalesforceObject, type SalesforceObject } from "../vendor/records";
import { deletionRank } from "./deletion-order";
import { recordPresence } from "./record-presence";
import { heldFields, personObjects, redactActive, type RedactPlan } from "./redact-records";

/**
 * A redact plan: records a legal hold keeps (`redactNonEssential`, e.g. a Case under a dispute
 * hold) stay where they are — `queryAll` still finds them — without the subject's data.
 *
 * - Case, Task, Event, EmailMessage: PATCH clearing the links to the subject's Contact/Lead and the
 *   subject's own e-mail/phone/name fields, dropping their addresses from To/Cc lists, and
 *   replacing their identifiers in Subject/Description/TextBody with `[REDACTED:<type>]`;
 *   bystanders' values stay.
 * - Contact, Lead, Individual (the person record itself): anonymised, as an `anonymise` plan does.
 * - Contact points, consents, campaign memberships: nothing but the subject's data; removed as
 *   erasure removes them (`remove`).
 * - Files: their content cannot be redacted through the API; `retained`.
 * - A record already in the Recycle Bin cannot be updated (Salesforce refuses PATCH on deleted
 *   records): `retained`, named as such.
 *
 * Receipts `redacted`; a repeat finds nothing left to change and sends no PATCH.
 */
export async function* redactRecords(
  ctx: SalesforceContext,
  refs: RecordRef[],
  plan: RedactPlan,
  remove: (refs: RecordRef[]) => AsyncGenerator<ErasureReceipt>,
): AsyncGenerator<ErasureReceipt> {
  const client = await salesforceClient(ctx);
  const byType = new Map<SalesforceObject, string[]>();
  for (const ref of refs) {
    if (!isSalesforceObject(ref.type)) throw new VendorContractError(`Cannot redact a record of unknown type ${ref.type}`, { recordType: ref.type, recordId: ref.id });
    byType.set(ref.type, [...(byType.get(ref.type) ?? []), ref.id]);
  }
  const removable: RecordRef[] = [];
  for (const type of [...byType.keys()].sort((a, b) => deletionRank(a) - deletionRank(b))) {
    const ids = byType.get(type) ?? [];
    const where = await recordPresence(client, type, ids);
    const active: string[] = [];
    for (const id of ids) {
      const ref = { type, id };
      const place = where.get(id);
      if (!place) yield { ref, outcome: "already-absent", detail: "queryAll no longer finds it" };
      else if (type === "ContentDocument") {
        yield { ref, outcome: "retained", hold: { basis: "a file's content cannot be redacted through the API" }, detail: "Kept whole under the hold" };
      } else if (!heldFields[type] && !personObjects.has(type)) removable.push(ref);
      else if (place === "recycle-bin") {
        yield { ref, outcome: "retained", hold: { basis: "in the Recycle Bin: Salesforce does not update deleted records" }, detail: "Not redacted; Salesforce purges the bin after 15 days unless it is restored" };
      } else active.push(id);
    }
    if (active.length > 0) yield* redactActive(ctx, client, type, active, plan);
  }
  if (removable.length > 0) yield* remove(removable);
}
