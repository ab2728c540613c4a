import type { ExpiredPage, ExpiredRecord, FindExpiredInput, Identifier } from "@lethe/connector-sdk";
import { identifierKey } from "@lethe/connector-sdk";
import { discoveredIdentifiers } from "../locate/discovered-identifiers";
import { searchPageSize } from "../locate/search-recordings";
import type { RecorderContext } from "../settings";
import { readConsent } from "../vendor/read-consent";
import { readPage } from "../vendor/read-vendor-json";
import { recordingRecord, type RecordingRecord } from "../vendor/records";
import { callVendor, expectStatus } from "../vendor/vendor-request";
import { consentTag, consentTags } from "./consent-tags";

/** The record type retention schedules name: a call (recording, transcript and consent events go together). */
export const retentionRecordType = "recording";

/**
 * The calls that ended before `input.before`, a page at a time (API.md, "Search recordings",
 * `endedBefore`): a recording's retention counts from the end of the call. Calls whose media is
 * already deleted are included — their metadata, transcript and consent events are still held.
 * Each is one `recording` record: the recorder deletes the call's transcript and consent events
 * with it in the same job. Consent tags cost a call per recording, so they are read only when the
 * schedule keeps records by a consent tag.
 */
export async function* findExpiredRecordings(ctx: RecorderContext, input: FindExpiredInput): AsyncGenerator<ExpiredPage> {
  if (input.recordType !== retentionRecordType) throw new TypeError(`The recorder finds expired records of type "recording" only, not "${input.recordType}"`);
  const readsConsent = (input.keepTags ?? []).some((tag) => tag.startsWith(consentTag("")));
  let cursor = input.cursor ?? null;
  do {
    ctx.signal.throwIfAborted();
    const route = "recordings.search";
    const response = await callVendor(ctx, {
      method: "POST",
      path: "/v1/recordings:search",
      body: { endedBefore: input.before, includeDeleted: true, pageSize: searchPageSize, ...(cursor ? { cursor } : {}) },
      // A search changes nothing: safe to repeat after a 5xx.
      idempotent: true,
      route,
    });
    expectStatus(response, [200], route);
    const page = await readPage(response, recordingRecord, { route, recordType: "recording" });
    const records: ExpiredRecord[] = [];
    for (const recording of page.items) {
      const tags = readsConsent ? consentTags((await readConsent(ctx, recording.id)) ?? { recordingId: recording.id, events: [] }) : [];
      records.push(expiredRecordOf(recording, tags, ctx.settings.defaultRegion));
    }
    cursor = page.nextCursor;
    yield { records, cursor };
  } while (cursor !== null);
}

function expiredRecordOf(recording: RecordingRecord, tags: string[], region: string): ExpiredRecord {
  const identifiers = new Map<string, Identifier>();
  for (const participant of recording.participants) {
    if (participant.role === "agent") continue;
    for (const identifier of discoveredIdentifiers(participant, region, new Set())) identifiers.set(identifierKey(identifier), identifier);
  }
  const seconds = Math.round(recording.durationMs / 1000);
  return {
    ref: { type: retentionRecordType, id: recording.id },
    label: `Call recording of ${recording.endTime.slice(0, 10)} (${seconds} s${recording.fileState === "DELETED" ? ", media deleted" : ""})`,
    facts: { occurredAt: recording.endTime, tags },
    ...(recording.legalHold ? { vendorHold: { basis: recording.legalHold.basis.trim() || "deletion protection", id: recording.legalHold.holdId } } : {}),
    identifiers: [...identifiers.values()],
  };
}
