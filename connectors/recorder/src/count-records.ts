import type { RecordCount, RecordCountQuery } from "@lethe/connector-sdk";
import { searchPageSize } from "./locate/search-recordings";
import type { RecorderContext } from "./settings";
import { readPage } from "./vendor/read-vendor-json";
import { recordingRecord } from "./vendor/records";
import { callVendor, expectStatus } from "./vendor/vendor-request";

/**
 * Every recording from the beginning of time to the end of the interval syntax: the search's
 * interval filter is the recorder's only way to list all recordings (API.md, "Search recordings").
 */
const everyRecording = "0001-01-01T00:00:00Z/9999-12-31T23:59:59Z";

/**
 * How many recordings the recorder holds, media deleted or not: the recorder's API has no count,
 * so the search over all time is paged through at its largest page and the entities counted.
 * Each page is checked against the recording schema and dropped; nothing is kept but the number.
 */
export async function countRecords(ctx: RecorderContext, query: RecordCountQuery): Promise<RecordCount> {
  if (query.recordType !== "recording") throw new TypeError(`The recorder cannot count record type "${query.recordType}"`);
  const route = "recordings.search";
  let count = 0;
  let cursor: string | null = null;
  do {
    ctx.signal.throwIfAborted();
    const response = await callVendor(ctx, {
      method: "POST",
      path: "/v1/recordings:search",
      body: { interval: everyRecording, includeDeleted: true, pageSize: searchPageSize, ...(cursor ? { cursor } : {}) },
      // A search changes nothing: safe to repeat after a 5xx.
      idempotent: true,
      route,
    });
    expectStatus(response, [200], route);
    const page = await readPage(response, recordingRecord, { route, recordType: "recording" });
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { count, exact: true };
}
