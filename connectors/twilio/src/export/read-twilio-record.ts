import type { RecordRef } from "@lethe/connector-sdk";
import type { TwilioContext } from "../settings";
import { readRecord } from "../vendor/read-twilio-json";
import { recordAddress } from "../vendor/record-paths";
import { callTwilio, expectStatus } from "../vendor/twilio-request";

/**
 * One record's JSON by its SID (`GET …/{Sid}.json`), checked against its schema; undefined once
 * Twilio no longer serves it (404 — for a recording, also once it is deleted: Twilio then shows
 * its metadata only to `IncludeSoftDeleted=true`).
 */
export async function readTwilioRecord(ctx: TwilioContext, ref: RecordRef, query?: Record<string, string>): Promise<Record<string, unknown> | undefined> {
  const target = recordAddress(ref);
  const route = `${target.resource}.show`;
  const response = await callTwilio(ctx, { method: "GET", path: target.path, ...(query ? { query } : {}), route });
  if (response.status === 404) return undefined;
  expectStatus(response, [200], route);
  return readRecord(response, target.schema, { route, recordType: target.type });
}
