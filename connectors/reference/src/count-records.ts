import { VendorContractError, type RecordCount, type RecordCountQuery } from "@lethe/connector-sdk";
import { z } from "zod";
import type { ReferenceContext } from "./settings";
import { callVendor, expectStatus } from "./vendor/vendor-request";
import { isReferenceRecordType, type ReferenceRecordType } from "./vendor/records";

const collections: Record<ReferenceRecordType, string> = { person: "people", note: "notes", attachment: "attachments", call: "calls" };
const countBody = z.looseObject({ collection: z.string(), count: z.int().nonnegative() });

/**
 * `GET /api/counts/:collection` (API.md, "Count records"): the number of active records of a type,
 * exact and current, without reading any of them.
 */
export async function countRecords(ctx: ReferenceContext, query: RecordCountQuery): Promise<RecordCount> {
  const route = "counts.show";
  // The host asks only for declared types; another is a caller's mistake, not the vendor's.
  if (!isReferenceRecordType(query.recordType)) throw new TypeError(`Reference CRM has no record type "${query.recordType}" to count`);
  const response = await callVendor(ctx, { method: "GET", path: `/api/counts/${collections[query.recordType]}`, route });
  expectStatus(response, [200], route);
  const parsed = countBody.safeParse(await response.json());
  if (!parsed.success) throw new VendorContractError(`${route} answered a body that is not { collection, count }`, { route, issues: parsed.error.issues });
  return { count: parsed.data.count, exact: true };
}
