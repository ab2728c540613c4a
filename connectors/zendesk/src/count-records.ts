import type { RecordCount, RecordCountQuery } from "@lethe/connector-sdk";
import { z } from "zod";
import type { ZendeskContext } from "./settings";
import { readEnvelope } from "./vendor/read-zendesk-json";
import { callZendesk, expectStatus } from "./vendor/zendesk-request";

/** The record types Zendesk has a count endpoint for, and the endpoint (vendor-apis.md §2.2, Z29). */
export const countedRecordTypes = { user: "/users/count", ticket: "/tickets/count" } as const;

const countBody = z.looseObject({ value: z.int().nonnegative(), refreshed_at: z.string().nullable() });

/** Zendesk counts live up to this many; above it the count is refreshed once a day. */
const liveCountLimit = 100_000;

/**
 * `GET /api/v2/users/count` or `GET /api/v2/tickets/count` → `{ count: { value, refreshed_at } }`
 * (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#count-tickets). Above
 * 100,000 Zendesk answers a count up to a day old, so the answer is approximate then.
 */
export async function countRecords(ctx: ZendeskContext, query: RecordCountQuery): Promise<RecordCount> {
  const { recordType } = query;
  if (recordType !== "user" && recordType !== "ticket") throw new TypeError(`Zendesk has no count endpoint for record type "${recordType}"`);
  const route = `${recordType}s.count`;
  const response = await callZendesk(ctx, { method: "GET", path: countedRecordTypes[recordType], route });
  expectStatus(response, [200], route);
  const count = await readEnvelope(response, "count", countBody, { route, recordType: "count" });
  return { count: count.value, exact: count.value <= liveCountLimit };
}
