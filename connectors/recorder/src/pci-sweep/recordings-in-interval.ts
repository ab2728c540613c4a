import type { RecorderContext } from "../settings";
import { readPage } from "../vendor/read-vendor-json";
import { recordingRecord, type RecordingRecord } from "../vendor/records";
import { callVendor, expectStatus } from "../vendor/vendor-request";
import { searchPageSize } from "../locate/search-recordings";

export interface RecordingPage {
  recordings: RecordingRecord[];
  /** The cursor of the page after this one; null on the last page. */
  nextCursor: string | null;
}

/**
 * One page of the calls that started inside `interval` (`start/end`, ISO 8601), through the
 * search's interval filter (API.md, "Search recordings"). Calls whose media is already deleted are
 * included: their transcripts may still hold a card number.
 */
export async function recordingsInInterval(ctx: RecorderContext, interval: string, cursor: string | null): Promise<RecordingPage> {
  const route = "recordings.search";
  ctx.signal.throwIfAborted();
  const response = await callVendor(ctx, {
    method: "POST",
    path: "/v1/recordings:search",
    body: { interval, includeDeleted: true, pageSize: searchPageSize, ...(cursor ? { cursor } : {}) },
    // A search changes nothing: safe to repeat after a 5xx.
    idempotent: true,
    route,
  });
  expectStatus(response, [200], route);
  const page = await readPage(response, recordingRecord, { route, recordType: "recording" });
  return { recordings: page.items, nextCursor: page.nextCursor };
}
