import type { LocatedRecord, VendorHold } from "@lethe/connector-sdk";
import { z } from "zod";

/*
 * A hold the vendor reports on a located record (LocatedRecord.vendorHold) is kept with the
 * record's facts (`located_records.facts.vendorHold`): the facts are what holds are decided on,
 * and the hold's basis is no personal data.
 */

const storedVendorHold = z.object({ basis: z.string().trim().min(1), id: z.string().min(1).optional() });

/** The facts to store for a located record: the connector's facts and the vendor's hold, if any. */
export function factsOf(record: LocatedRecord): Record<string, unknown> {
  const facts: Record<string, unknown> = { ...(record.facts ?? {}) };
  const hold = storedVendorHold.safeParse(record.vendorHold);
  if (hold.success) facts.vendorHold = hold.data;
  return facts;
}

/** The vendor's hold stored with a located record's facts; null when the vendor reported none. */
export function vendorHoldOf(facts: unknown): VendorHold | null {
  if (facts === null || typeof facts !== "object" || !("vendorHold" in facts)) return null;
  const hold = storedVendorHold.safeParse(facts.vendorHold);
  return hold.success ? { basis: hold.data.basis, ...(hold.data.id ? { id: hold.data.id } : {}) } : null;
}

/** How a plan item and a receipt name the vendor's hold. */
export function vendorHoldReason(hold: VendorHold): string {
  return `held by the vendor (${hold.basis}${hold.id ? `, hold ${hold.id}` : ""}): the vendor refuses to delete it`;
}
